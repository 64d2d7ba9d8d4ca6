/// The inverted index: token → the documents that have it, each with the fields it is in.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    public var publications: [String]
    /// Per token, flat pairs `documentID, fieldMask`, documents in ascending order.
    public var postings: [String: [Int32]]

    public init(documents: [SearchDocument], publications: [String]) {
        self.documents = documents
        self.publications = publications
        // Token → position in `lists`: one hash lookup per token and document, and the lists grow in place.
        var positions: [String: Int] = [:]
        var tokens: [String] = []
        var lists: [[Int32]] = []
        // In batches: the token tables of all pages at once would take far more memory than the index.
        let batch = 512
        for first in stride(from: 0, to: documents.count, by: batch) {
            let count = min(batch, documents.count - first)
            let masks = ParallelMap.map(count: count) { Self.fieldMasks(of: documents[first + $0]) }
            for (offset, table) in masks.enumerated() {
                for (token, mask) in table {
                    let position: Int
                    if let known = positions[token] {
                        position = known
                    } else {
                        position = lists.count
                        positions[token] = position
                        tokens.append(token)
                        lists.append([])
                    }
                    lists[position].append(Int32(first + offset))
                    lists[position].append(Int32(mask))
                }
            }
        }
        self.postings = Dictionary(uniqueKeysWithValues: zip(tokens, lists))
    }

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
