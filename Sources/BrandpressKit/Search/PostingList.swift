/// One token's postings, packed: per document the distance from the previous document as a
/// variable-length number, then the field mask byte: about 3 bytes a posting instead of 8.
public struct PostingList: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// The highest document (0 when the list is empty).
    private(set) var last = 0
    public private(set) var count = 0

    init() {}

    /// A list read back from the build cache, which wrote its `bytes`, `count` and `last`: nil
    /// when they cannot belong together. The bytes are not scanned again (counting 9 MB of postings
    /// was most of the time loading the cache took), so the cache's own checks (its format, the
    /// binary that wrote it, its length) are what vouch for them, as for the rest of the cache.
    init?(bytes: [UInt8], count: Int, last: Int) {
        guard count >= 0, last >= 0, bytes.isEmpty == (count == 0), bytes.count >= 2 * count, last >= count - 1 else { return nil }
        self.bytes = bytes
        self.count = count
        self.last = last
    }

    mutating func append(document: Int, mask: UInt8) {
        var gap = document - last
        while gap >= 0x80 {
            bytes.append(UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        bytes.append(UInt8(gap))
        bytes.append(mask)
        last = document
        count += 1
    }

    /// Calls `body` with every document and its mask, in ascending order; false when the bytes end
    /// in the middle of a posting (only a damaged cache has such bytes).
    @discardableResult
    func forEach(_ body: (_ document: Int, _ mask: UInt8) -> Void) -> Bool {
        scan { document, mask, _ in
            body(document, mask)
            return true
        }
    }

    /// Whether a document up to `limit` for which `isWanted` is true is in the list; reads no further.
    func contains(documentUpTo limit: Int, where isWanted: (Int) -> Bool) -> Bool {
        var found = false
        _ = scan { document, _, _ in
            guard document <= limit else { return false }
            found = isWanted(document)
            return !found
        }
        return found
    }

    /// This list without the documents `isRemoved` picks, the others in `affected` numbered again by
    /// `renumber` (which must keep their order), with `added` (in ascending document order, numbered
    /// as `renumber` numbers) merged in: written posting by posting, without a table of the whole list
    /// to sort. The three concern only documents in `affected`: the bytes before the first such
    /// document are copied as they are, and so are those after the first posting past the range
    /// (whose distance from the one before may change), instead of being decoded and written again.
    func replacing(documentsIn affected: ClosedRange<Int>, where isRemoved: (Int) -> Bool, renumber: (Int) -> Int = { $0 },
                   with added: [(document: Int, mask: UInt8)]) -> PostingList {
        var result = PostingList()
        result.bytes.reserveCapacity(bytes.count + added.count * 3)
        var next = added.startIndex
        // Postings read, the last one's document and where the next one starts.
        var read = 0, previous = 0, end = 0
        var inRange = false, finished = false
        func startRange(at offset: Int) {
            result.bytes.append(contentsOf: bytes[..<offset])
            result.last = previous
            result.count = read
            inRange = true
        }
        let complete = scan { document, mask, posting in
            defer { (previous, end) = (document, posting.upperBound) }
            if document < affected.lowerBound {
                read += 1
                return true
            }
            if !inRange { startRange(at: posting.lowerBound) }
            let isPast = document > affected.upperBound
            if !isPast, isRemoved(document) {
                read += 1
                return true
            }
            let number = isPast ? document : renumber(document)
            while next < added.endIndex, added[next].document < number {
                result.append(document: added[next].document, mask: added[next].mask)
                next += 1
            }
            if isPast {
                result.append(document: document, mask: mask)
                result.bytes.append(contentsOf: bytes[posting.upperBound...])
                result.count += count - read - 1
                result.last = last
                finished = true
                return false
            }
            result.append(document: number, mask: mask)
            read += 1
            return true
        }
        if finished { return result }
        // Every posting came before the range, or a damaged list was cut off there: it is read as far as it goes.
        if !inRange {
            if complete { result = self } else { startRange(at: end) }
        }
        for posting in added[next...] { result.append(document: posting.document, mask: posting.mask) }
        return result
    }

    /// Reads the postings in ascending order while `body` returns true, giving each one's bytes;
    /// false when the bytes end in the middle of a posting.
    private func scan(_ body: (_ document: Int, _ mask: UInt8, _ bytes: Range<Int>) -> Bool) -> Bool {
        var index = 0
        var document = 0
        while index < bytes.count {
            let start = index
            var gap = 0
            var shift = 0
            while index < bytes.count, shift < 63 {
                let byte = bytes[index]
                index += 1
                gap |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            guard index < bytes.count else { return false }
            document += gap
            guard body(document, bytes[index], start..<(index + 1)) else { return true }
            index += 1
        }
        return true
    }

    /// `[gap, mask, gap, mask, …]`: each document as its distance from the one before.
    public var gapsAndMasks: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count * 2)
        var previous = 0
        forEach { document, mask in
            result.append(document - previous)
            result.append(Int(mask))
            previous = document
        }
        return result
    }
}
