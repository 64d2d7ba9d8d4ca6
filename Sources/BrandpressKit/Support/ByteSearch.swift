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
}
