import Foundation

/// The encodings editors' tools save text in.
public enum SourceEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case gb18030 = "GB18030"
}

public struct DecodedText: Sendable {
    /// The text with any byte order mark removed and every line ending turned into `\n`.
    public var text: String
    public var encoding: SourceEncoding
}

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK,
/// the "ANSI" of Chinese Windows. Bytes valid in none of them are an error with line and byte offset.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String) throws -> DecodedText {
        try decode(bytes: [UInt8](data), path: path)
    }

    public static func decode(bytes: [UInt8], path: String) throws -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)), path: path, offset: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16(bytes, encoding: .utf16LittleEndian, path: path)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes, encoding: .utf16BigEndian, path: path)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw BuildFailure(.error(
                "this looks like a binary file, not text (a NUL byte at byte offset \(nul)); give Markdown files only text, or rename the file if it is not Markdown",
                file: path, line: lineNumber(in: bytes, at: nul)))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: normalizeLineEndings(text), encoding: .utf8)
        }
        if let text = GB18030Decoder.decode(bytes) {
            return DecodedText(text: normalizeLineEndings(text), encoding: .gb18030)
        }
        let offset = firstInvalidUTF8Offset(bytes)
        throw BuildFailure(.error(
            "bytes at byte offset \(offset) are neither UTF-8 nor GB18030; open the file in an editor and save it as UTF-8",
            file: path, line: lineNumber(in: bytes, at: offset)))
    }

    static func utf8(_ bytes: [UInt8], path: String, offset: Int) throws -> DecodedText {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(bytes)
            throw BuildFailure(.error(
                "the file starts with a UTF-8 byte order mark but has invalid UTF-8 at byte offset \(bad + offset); save it again as UTF-8",
                file: path, line: lineNumber(in: bytes, at: bad)))
        }
        return DecodedText(text: normalizeLineEndings(text), encoding: .utf8)
    }

    static func utf16(_ bytes: [UInt8], encoding: SourceEncoding, path: String) throws -> DecodedText {
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else {
            throw BuildFailure(.error("the UTF-16 file has an odd number of bytes, so it is cut short; save it again as UTF-8", file: path))
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(encoding == .utf16LittleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw BuildFailure(.error("the file is not valid UTF-16 (an unpaired surrogate); save it again as UTF-8", file: path))
        }
        return DecodedText(text: normalizeLineEndings(text), encoding: encoding)
    }

    /// CRLF and lone CR become LF, so every later step sees one kind of line ending.
    public static func normalizeLineEndings(_ text: String) -> String {
        // memchr, not `utf8.contains`, which goes through the generic Sequence one byte at a time.
        var text = text
        guard text.withUTF8({ utf8 in utf8.baseAddress.map { memchr($0, 13, utf8.count) != nil } ?? false }) else { return text }
        var result = [UInt8]()
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 13 {
                result.append(10)
                previousWasCR = true
            } else {
                if !(byte == 10 && previousWasCR) { result.append(byte) }
                previousWasCR = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func lineNumber(in bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == 10 && previous != 13 { line += 1 }
            if byte == 13 { line += 1 }
            previous = byte
        }
        return line
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            if validUTF8Prefix(bytes, length: middle + 1) { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 3 < 0 ? low : validStart(bytes, before: low))
    }

    private static func validUTF8Prefix(_ bytes: [UInt8], length: Int) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.prefix(length).makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return isTruncatedSequence(bytes, length: length)
            }
        }
    }

    /// A prefix that ends inside a multi-byte sequence is not yet invalid.
    private static func isTruncatedSequence(_ bytes: [UInt8], length: Int) -> Bool {
        var start = length - 1
        while start > 0 && length - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard String(validating: bytes[0..<start], as: UTF8.self) != nil else { return false }
        let lead = bytes[start]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return needed > length - start && lead >= 0xC2 && lead <= 0xF4
    }

    private static func validStart(_ bytes: [UInt8], before offset: Int) -> Int {
        var start = min(offset, bytes.count) - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return max(start, 0)
    }
}
