#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finding bytes in bytes with memchr and memcmp: Foundation's `range(of:)` compares characters.
enum ByteSearch {
    /// The offset of the first `needle` in `haystack`, or nil; an empty needle is at 0.
    static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first else { return 0 }
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, needle.count <= haystack.count else { return nil }
        var offset = 0
        let lastStart = haystack.count - needle.count
        while offset <= lastStart {
            guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return nil }
            let start = UnsafeRawPointer(hit) - base
            if memcmp(base + start, needleBase, needle.count) == 0 { return start }
            offset = start + 1
        }
        return nil
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { needleBytes in
            haystack.withUTF8 { firstOffset(of: UnsafeRawBufferPointer(needleBytes), in: UnsafeRawBufferPointer($0)) != nil }
        }
    }

    /// Whether `text` holds the byte `byte` (an ASCII character, never part of a longer one in UTF-8).
    static func contains(byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The first `needle` in `text`, as a range of its indices, found on the bytes.
    static func range(of needle: String, in text: Substring) -> Range<String.Index>? {
        var needle = needle
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes in
            needle.withUTF8 { firstOffset(of: UnsafeRawBufferPointer($0), in: UnsafeRawBufferPointer(bytes)) }
        } ?? Array(utf8).withUnsafeBytes { bytes in needle.withUTF8 { firstOffset(of: UnsafeRawBufferPointer($0), in: bytes) } }
        guard let found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// `text` cut at every `needle`, the pieces between them (empty ones too), found on the bytes:
    /// `split(separator:)` on a String compares characters.
    static func pieces(of text: String, separatedBy needle: String) -> [Substring] {
        var pieces: [Substring] = []
        var rest = Substring(text)
        while let found = range(of: needle, in: rest) {
            pieces.append(rest[..<found.lowerBound])
            rest = rest[found.upperBound...]
        }
        pieces.append(rest)
        return pieces
    }
}
