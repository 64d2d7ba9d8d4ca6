/// One `*` or `_` run in a source line, positions counted in UTF-8 bytes of that line.
struct CJKFriendlyEmphasisRun: Hashable, Sendable {
    var delimiter: Unicode.Scalar
    /// First byte of the run; the run ends before `end`.
    var start: Int
    var end: Int
    var neighbours: CJKFriendlyEmphasisNeighbours
}

/// Finds the delimiter runs of one source line the way cmark's inline parser meets them:
/// backslash escapes are skipped, and a run preceded only by indentation or block-quote markers
/// starts the line. It does not know about code spans, HTML or link destinations; a run found there
/// is harmless, because the markers inserted next to it are removed from every literal afterwards.
///
/// It reads the line's bytes (valid UTF-8, a slice of a String's) and decodes only the characters
/// next to a run: decoding every line with a run into characters was most of the planning's time.
enum CJKFriendlyEmphasisScanner {
    static func runs(in line: UnsafeBufferPointer<UInt8>) -> [CJKFriendlyEmphasisRun] {
        var runs: [CJKFriendlyEmphasisRun] = []
        var onlyPrefixSoFar = true
        var index = 0
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                break
            case UInt8(ascii: "\\") where index + 1 < line.count && isASCIIPunctuation(line[index + 1]):
                index += 2
                onlyPrefixSoFar = false
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"):
                index += 1
                continue
            default:
                index += 1
                onlyPrefixSoFar = false
                continue
            }
            var end = index + 1
            while end < line.count && line[end] == byte { end += 1 }
            var neighbours = CJKFriendlyEmphasisNeighbours(before: nil, beforeBefore: nil,
                                                           after: end < line.count ? scalar(startingAt: end, in: line) : nil)
            if !onlyPrefixSoFar {
                let before = scalar(endingAt: index, in: line)
                neighbours.before = before.scalar
                if before.start > 0 { neighbours.beforeBefore = scalar(endingAt: before.start, in: line).scalar }
            }
            runs.append(CJKFriendlyEmphasisRun(delimiter: Unicode.Scalar(byte), start: index, end: end, neighbours: neighbours))
            onlyPrefixSoFar = false
            index = end
        }
        return runs
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The character whose first byte is at `start`.
    static func scalar(startingAt start: Int, in line: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = line[start]
        guard lead >= 0x80 else { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard start + length <= line.count else { return "\u{FFFD}" }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(line[start + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The character that ends right before byte `end` (which is above 0), and where it starts.
    static func scalar(endingAt end: Int, in line: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, start: Int) {
        var start = end - 1
        while start > 0, end - start < 4, line[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(startingAt: start, in: line), start)
    }
}
