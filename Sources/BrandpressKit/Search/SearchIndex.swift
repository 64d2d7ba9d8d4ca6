/// The inverted index: token → the documents that have it, each with the fields it is in.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    public var publications: [String]
    /// The distinct tokens, in the order they were first seen, …
    public var tokens: [String]
    /// … and per token, the documents that have it (ascending) and the fields it is in there.
    public var postings: [PostingList]

    public init(documents: [SearchDocument], publications: [String]) {
        self.documents = documents
        self.publications = publications
        // Token → position in `lists`: one hash lookup per token and document, and the lists grow in place.
        var hanPositions: [UInt64: Int] = [:]
        var wordPositions: [String: Int] = [:]
        var tokens: [String] = []
        var lists: [PostingList] = []
        func position(_ known: Int?, _ token: @autoclosure () -> String) -> (Int, isNew: Bool) {
            if let known { return (known, false) }
            tokens.append(token())
            lists.append(PostingList())
            return (lists.count - 1, true)
        }
        // In batches: the token tables of all pages at once would take far more memory than the index.
        let batch = 512
        for first in stride(from: 0, to: documents.count, by: batch) {
            let count = min(batch, documents.count - first)
            let tables = ParallelMap.map(count: count) { Self.tokenCodes(of: documents[first + $0]) }
            for (offset, table) in tables.enumerated() {
                let document = first + offset
                for (code, mask) in table.han {
                    let (index, isNew) = position(hanPositions[code], SearchTokenCodes.string(of: code))
                    if isNew { hanPositions[code] = index }
                    lists[index].append(document: document, mask: mask)
                }
                for (word, mask) in table.words {
                    let (index, isNew) = position(wordPositions[word], word)
                    if isNew { wordPositions[word] = index }
                    lists[index].append(document: document, mask: mask)
                }
            }
        }
        // Two arrays are all the file writer needs: it sorts the tokens itself.
        self.tokens = tokens
        self.postings = lists
    }

    static func tokenCodes(of document: SearchDocument) -> SearchTokenCodes {
        var codes = SearchTokenCodes()
        for field in SearchDocument.Field.allCases {
            codes.add(normalized: SearchTokenizer.normalize(document.text(of: field)), mask: field.rawValue, singleHan: field == .title)
        }
        return codes
    }

    /// The same tables with string keys: the reference `tokenCodes` is tested against.
    static func fieldMasks(of document: SearchDocument) -> [String: UInt8] {
        var masks: [String: UInt8] = [:]
        for field in SearchDocument.Field.allCases {
            for token in SearchTokenizer.tokens(in: document.text(of: field), singleHan: field == .title) {
                masks[token, default: 0] |= field.rawValue
            }
        }
        return masks
    }

    /// Ranking score of a field mask: the weights of the fields a token was found in.
    public static func score(mask: Int) -> Int {
        SearchDocument.Field.allCases.reduce(0) { mask & Int($1.rawValue) != 0 ? $0 + $1.weight : $0 }
    }
}
