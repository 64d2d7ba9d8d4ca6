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
        var builder = PostingsBuilder()
        for first in stride(from: 0, to: documents.count, by: PostingsBuilder.batch) {
            let count = min(PostingsBuilder.batch, documents.count - first)
            builder.add(ParallelMap.map(count: count) { Self.tokenCodes(of: documents[first + $0]) }, firstDocument: first)
        }
        tokens = builder.tokens
        postings = builder.lists
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

/// Posting lists made document by document, in ascending order: what `SearchIndex` and the search
/// build's streaming pass share.
struct PostingsBuilder {
    /// Documents tokenized at a time: a page's token table takes some 100 KB while it is filled, so
    /// the tables of all pages at once would take far more memory than the index; 64 keep every core busy.
    static let batch = 64

    /// The distinct tokens, in the order they were first seen, and their lists.
    private(set) var tokens: [String] = []
    private(set) var lists: [PostingList] = []
    // Token → position in `lists`: one hash lookup per token and document, and the lists grow in place.
    private var hanPositions = CodeTable<Int32>(filler: 0, capacity: 1 << 16)
    private var wordPositions: [String: Int] = [:]

    /// Adds the token tables of documents `firstDocument`, `firstDocument + 1`, …
    mutating func add(_ tables: [SearchTokenCodes], firstDocument: Int) {
        for (offset, table) in tables.enumerated() {
            let document = firstDocument + offset
            for (code, mask) in table.han {
                let (slot, isNew) = hanPositions.slot(for: code)
                if isNew {
                    hanPositions[slot] = Int32(newList(SearchTokenCodes.string(of: code), document: document, mask: mask))
                } else {
                    lists[Int(hanPositions[slot])].append(document: document, mask: mask)
                }
            }
            for (word, mask) in table.words {
                if let index = wordPositions[word] {
                    lists[index].append(document: document, mask: mask)
                } else {
                    wordPositions[word] = newList(word, document: document, mask: mask)
                }
            }
        }
    }

    private mutating func newList(_ token: String, document: Int, mask: UInt8) -> Int {
        var list = PostingList()
        list.append(document: document, mask: mask)
        tokens.append(token)
        lists.append(list)
        return lists.count - 1
    }
}
