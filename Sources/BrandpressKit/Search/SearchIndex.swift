/// The inverted index: token → the documents that have it, each with the fields it is in.
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    public var publications: [String]
    /// Per token, flat pairs `documentID, fieldMask`, documents in ascending order.
    public var postings: [String: [Int]]

    public init(documents: [SearchDocument], publications: [String]) {
        self.documents = documents
        self.publications = publications
        let perDocument = ParallelMap.map(count: documents.count) { Self.fieldMasks(of: documents[$0]) }
        var postings: [String: [Int]] = [:]
        for (id, masks) in perDocument.enumerated() {
            for (token, mask) in masks { postings[token, default: []] += [id, Int(mask)] }
        }
        self.postings = postings
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
