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
        let changed: Set = [5, 9, 0, 7, 500]
        let replaced = list.replacing(documentsIn: 0...500, where: changed.contains, with: [(0, 4), (5, 1), (7, 2), (500, 1)])
        #expect(Self.postings(replaced) == [0, 4, 1, 1, 5, 1, 7, 2, 130, 4, 131, 1, 500, 1])
        #expect(replaced.count == 7)
        #expect(replaced == Self.list([(0, 4), (1, 1), (5, 1), (7, 2), (130, 4), (131, 1), (500, 1)]), "the same bytes as a list built in order")
        #expect(list.replacing(documentsIn: 0...1000, where: { _ in false }, with: []) == list)
        #expect(list.replacing(documentsIn: 0...1000, where: { _ in true }, with: []) == PostingList())
    }

    /// Only the postings in the changed range are decoded: the bytes before and after are copied,
    /// and the result is the list a full merge gives, whatever the range and the gaps' lengths.
    @Test func copyingAroundTheChangedRangeGivesWhatAFullMergeGives() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            var documents = Set<Int>()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { documents.insert(Int.random(in: 0...5_000, using: &generator)) }
            let postings = documents.sorted().map { ($0, UInt8.random(in: 1...7, using: &generator)) }
            let list = Self.list(postings)
            let low = Int.random(in: 0...5_000, using: &generator), high = min(5_000, low + Int.random(in: 0...600, using: &generator))
            let changed = Set((low...high).filter { _ in Int.random(in: 0...9, using: &generator) == 0 } + [low, high])
            let added = changed.sorted().filter { _ in Bool.random(using: &generator) }.map { ($0, UInt8.random(in: 1...7, using: &generator)) }
            let expected = Self.list((postings.filter { !changed.contains($0.0) } + added).sorted { $0.0 < $1.0 })
            let replaced = list.replacing(documentsIn: low...high, where: changed.contains, with: added.map { (document: $0.0, mask: $0.1) })
            #expect(replaced == expected, "\(postings) changed \(changed.sorted()) added \(added)")
            #expect(replaced.count == expected.count)
        }
    }
}
