import Synchronization

/// Partials that many pages show alike, rendered once per distinct input and shared by all render
/// workers. A handbook page lists every chapter in its table of contents; only the chapter being read
/// differs from the other pages in the same folder, so the other chapters' entries are rendered once
/// per folder instead of once per page (which made long handbooks quadratic).
public final class SharedFragments: Sendable {
    /// The partial that renders one chapter's entry in a handbook's table of contents.
    static let bookTOCChapter = "partials/book-toc-chapter"

    struct Key: Hashable, Sendable {
        var partial: String
        /// What, besides the partial, the output depends on: the entry and the folder its URLs are relative to.
        var scope: String
    }

    let templates: TemplateSet
    private let rendered = Mutex<[Key: String]>([:])

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    func has(_ partial: String) -> Bool {
        templates.names.contains(partial)
    }

    /// The partial rendered with `context`; with a key, a render done before under the same key is
    /// reused, so the caller promises that the key determines `context`.
    func render(_ partial: String, context: [String: Any], sharedAs key: Key?) -> String {
        if let key, let done = rendered.withLock({ $0[key] }) { return done }
        let html = templates.render(context, template: partial) ?? ""
        if let key { rendered.withLock { $0[key] = html } }
        return html
    }
}
