/// One token's postings, packed: per document the distance from the previous document as a
/// variable-length number, then the field mask byte: about 3 bytes a posting instead of 8.
public struct PostingList: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    private var last = 0
    public private(set) var count = 0

    init() {}

    /// Postings in ascending document order.
    init(_ postings: [(document: Int, mask: UInt8)]) {
        bytes.reserveCapacity(postings.count * 3)
        for posting in postings { append(document: posting.document, mask: posting.mask) }
    }

    /// What `bytes` held; nil when they do not make a posting list.
    init?(bytes: [UInt8]) {
        self.bytes = bytes
        var last = 0
        var count = 0
        guard forEach({ document, _ in
            last = document
            count += 1
        }) else { return nil }
        self.last = last
        self.count = count
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
    /// in the middle of a posting (only a damaged cache has such bytes; `init(bytes:)` refuses them).
    @discardableResult
    func forEach(_ body: (_ document: Int, _ mask: UInt8) -> Void) -> Bool {
        var index = 0
        var document = 0
        while index < bytes.count {
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
            body(document, bytes[index])
            index += 1
        }
        return true
    }

    var postings: [(document: Int, mask: UInt8)] {
        var result: [(document: Int, mask: UInt8)] = []
        result.reserveCapacity(count)
        forEach { result.append(($0, $1)) }
        return result
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
