/// A query as the search page reads it: whitespace-separated terms. A page matches when, for every
/// term, it has all of the term's lookup tokens and (checked afterwards on its text) the term itself.
public struct SearchQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// The normalized term, looked for as a substring of the page's text.
        public var text: String
        /// Index tokens every matching page must have.
        public var tokens: [String]
    }

    public var terms: [Term]

    public init(_ query: String) {
        let normalized = SearchTokenizer.normalize(query)
        terms = normalized.split(whereSeparator: { $0.isWhitespace }).compactMap { Self.term(String($0)) }
    }

    /// A word at either end of a term may be part of a longer word on the page (`C小组` in `QC小组`),
    /// so only words with something on both sides are looked up, unless the term has nothing else.
    static func term(_ text: String) -> Term? {
        let runs = SearchTokenizer.runs(in: text)
        let length = text.unicodeScalars.count
        var required: [String] = []
        var edgeWords: [String] = []
        var singles: [String] = []
        for run in runs {
            switch run.kind {
            case .han:
                if run.scalars.count == 1 { singles += run.tokens(singleHan: true) } else { required += run.tokens(singleHan: false) }
            case .word:
                if run.start > 0 && run.end < length { required += run.tokens(singleHan: false) } else { edgeWords += run.tokens(singleHan: false) }
            }
        }
        let tokens = !required.isEmpty ? required : !edgeWords.isEmpty ? edgeWords : singles
        guard !tokens.isEmpty else { return nil }
        var unique: [String] = []
        for token in tokens where !unique.contains(token) { unique.append(token) }
        return Term(text: text, tokens: unique)
    }
}
