import Testing
@testable import BrandpressKit

/// The packed posting lists a rebuild patches: membership checks and merges give what decoding,
/// filtering and sorting the whole list gives.
@Suite struct PostingListTests {
    static func list(_ postings: [(Int, UInt8)]) -> PostingList {
        var list = PostingList()
        for (document, mask) in postings { list.append(document: document, mask: mask) }
        return list
    }

    static func postings(_ list: PostingList) -> [Int] {
        var result: [Int] = []
        list.forEach { document, mask in result += [document, Int(mask)] }
        return result
    }

    @Test func findsAWantedDocumentOnlyUpToTheLimit() {
        let list = Self.list([(3, 1), (200, 2), (20_000, 4)])
        #expect(list.contains(documentUpTo: 20_000) { $0 == 200 })
        #expect(!list.contains(documentUpTo: 199) { $0 == 200 }, "stops reading past the limit")
        #expect(list.contains(documentUpTo: .max) { $0 == 20_000 })
        #expect(!list.contains(documentUpTo: .max) { $0 == 4 })
        #expect(!PostingList().contains(documentUpTo: .max) { _ in true })
    }

    @Test func replacingDocumentsMergesInOrder() {
        let list = Self.list([(1, 1), (5, 2), (9, 1), (130, 4), (131, 1)])
        // 5 changed (new mask), 9 gone, 0, 7 and 500 new: removed ones out, added ones in place.
        let replaced = list.replacing(documentsWhere: { [5, 9, 0, 7, 500].contains($0) }, with: [(0, 4), (5, 1), (7, 2), (500, 1)])
        #expect(Self.postings(replaced) == [0, 4, 1, 1, 5, 1, 7, 2, 130, 4, 131, 1, 500, 1])
        #expect(replaced.count == 7)
        #expect(replaced == Self.list([(0, 4), (1, 1), (5, 1), (7, 2), (130, 4), (131, 1), (500, 1)]), "the same bytes as a list built in order")
        #expect(list.replacing(documentsWhere: { _ in false }, with: []) == list)
        #expect(list.replacing(documentsWhere: { _ in true }, with: []) == PostingList())
    }
}
