#if canImport(Glibc)
import Glibc
#endif

/// A plain binary format for the build cache: little-endian integers and length-prefixed UTF-8.
/// Tens of megabytes of rendered HTML load in milliseconds this way, where JSON takes most of a second.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    /// Hands what was written so far to `sink` and starts afresh, so a large file is never all in memory.
    mutating func drain(into sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value)))
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// The count, then the bytes as they are.
    mutating func write(bytes data: [UInt8]) {
        write(data.count)
        bytes.append(contentsOf: data)
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ number: Int?) {
        write(number != nil)
        if let number { write(number) }
    }

    /// The count, then each element as `element` writes it: what `ByteReader.array` reads.
    mutating func write<Element>(_ items: [Element], _ element: (inout ByteWriter, Element) -> Void) {
        write(items.count)
        for item in items { element(&self, item) }
    }
}

/// Reads what `ByteWriter` wrote; every read returns nil once the data runs out or makes no sense,
/// so a truncated or foreign file is simply not used. Reading a file, it holds about a megabyte of
/// it at a time, so that loading a large cache does not take its size again in memory.
struct ByteReader {
    private var bytes: [UInt8]
    private var offset = 0
    private let source: ByteSource?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        source = nil
    }

    init(_ source: ByteSource) {
        bytes = []
        self.source = source
    }

    /// What is left to read, here and in the file.
    private var remaining: Int { bytes.count - offset + (source?.remaining ?? 0) }

    var isAtEnd: Bool { remaining == 0 }

    /// Whether `count` more bytes are there, reading on in the file when they are not here yet.
    /// Inlined: every field of every entry asks (over half a million times in a rebuild at 10,000
    /// pages), and almost always the bytes are here.
    @inline(__always)
    private mutating func have(_ count: Int) -> Bool {
        bytes.count - offset >= count || readOn(count)
    }

    private mutating func readOn(_ count: Int) -> Bool {
        guard let source, remaining >= count else { return false }
        bytes.removeSubrange(..<offset)
        offset = 0
        while bytes.count < count {
            guard source.read(into: &bytes, atLeast: count - bytes.count) else { return false }
        }
        return true
    }

    mutating func uint64() -> UInt64? {
        guard have(8) else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() -> Int? {
        uint64().map { Int(Int64(bitPattern: $0)) }
    }

    mutating func bool() -> Bool? {
        guard have(1), bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, have(count) else { return nil }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
        offset += count
        return text
    }

    mutating func byteArray() -> [UInt8]? {
        guard let count = int(), count >= 0, have(count) else { return nil }
        let data = Array(bytes[offset..<offset + count])
        offset += count
        return data
    }

    /// `.some(nil)` for a value written as absent; nil when it cannot be read.
    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }

    mutating func optionalInt() -> Int?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let number = int() else { return nil }
        return .some(number)
    }

    /// `count` keys and values read by `entry` into a dictionary, or nil when any of them cannot be
    /// read. Made in place: an array of the pairs turned into a dictionary copied every value once more.
    mutating func dictionary<Value>(_ entry: (inout ByteReader) -> (String, Value)?) -> [String: Value]? {
        guard let count = int(), count >= 0, count <= remaining else { return nil }
        var result: [String: Value] = [:]
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let (key, value) = entry(&self) else { return nil }
            result[key] = value
        }
        return result
    }

    /// Moves past a string without making it; false when it cannot be read.
    mutating func skipString() -> Bool {
        guard let count = int(), count >= 0, have(count) else { return false }
        offset += count
        return true
    }

    /// Moves past what `optionalString()` reads; false when it cannot be read.
    mutating func skipOptionalString() -> Bool {
        guard let present = bool() else { return false }
        return !present || skipString()
    }

    /// Moves past what `array(_:)` reads, each element passed over by `element`; false when any cannot be.
    mutating func skipArray(_ element: (inout ByteReader) -> Bool) -> Bool {
        guard let count = int(), count >= 0, count <= remaining else { return false }
        for _ in 0..<count where !element(&self) { return false }
        return true
    }

    /// `count` elements read by `element`, or nil when any of them cannot be read.
    mutating func array<Element>(_ element: (inout ByteReader) -> Element?) -> [Element]? {
        guard let count = int(), count >= 0, count <= remaining else { return nil }
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = element(&self) else { return nil }
            result.append(value)
        }
        return result
    }
}

/// An open file that a `ByteReader` reads on in, a megabyte or more at a time.
final class ByteSource {
    private let fd: Int32
    /// Bytes of the file not read yet.
    private(set) var remaining: Int

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        remaining = Int(info.st_size)
    }

    deinit {
        close(fd)
    }

    /// Appends at least `count` bytes (a megabyte when it can) to `buffer`; false when the file ends first.
    func read(into buffer: inout [UInt8], atLeast count: Int) -> Bool {
        let wanted = min(remaining, max(count, 1 << 20))
        guard wanted >= count else { return false }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: wanted))
        var filled = 0
        while filled < wanted {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start + filled, wanted - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                buffer.removeSubrange((start + filled)...)
                remaining = 0
                return false
            }
            filled += got
        }
        remaining -= wanted
        return true
    }
}
