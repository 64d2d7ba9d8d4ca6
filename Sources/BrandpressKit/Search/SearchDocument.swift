/// One page as the search index sees it.
public struct SearchDocument: Sendable, Equatable {
    public var title: String
    /// Site path, percent-encoded: a link from the site root (where `search.html` is).
    public var url: String
    /// Index into the publication titles; -1 for pages outside any publication (the home page).
    public var publication: Int
    public var headings: [String]
    /// Unit, brand, slogan, author and tags, space-separated.
    public var meta: String
    public var body: String

    /// Fields in index order, with the bit that marks a token found in them.
    enum Field: UInt8, CaseIterable {
        case title = 1, headings = 2, meta = 4, body = 8

        /// Ranking weight of a token found in this field.
        var weight: Int {
            switch self {
            case .title: 12
            case .headings: 4
            case .meta: 3
            case .body: 1
            }
        }
    }

    func text(of field: Field) -> String {
        switch field {
        case .title: title
        case .headings: headings.joined(separator: "\n")
        case .meta: meta
        case .body: body
        }
    }

}
