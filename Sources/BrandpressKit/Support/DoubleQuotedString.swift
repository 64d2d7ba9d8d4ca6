/// Text as a double-quoted string that both JSON and YAML read back unchanged: quotes, backslashes
/// and control characters escaped, plus the characters either format treats specially (U+2028/2029
/// end JavaScript statements in older engines; YAML refuses C1 controls and a stray byte-order mark).
enum DoubleQuotedString {
    /// Works on UTF-8 bytes: every character it escapes is recognised by its first one to three
    /// bytes, and the runs between escapes are copied whole (search rows quote megabytes of text).
    static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                var escape: [UInt8]?
                switch byte {
                case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080–U+009F, the C1 controls.
                    escape = unicodeEscape(UInt32(bytes[index + 1]))
                    length = 2
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                    escape = unicodeEscape(0xFEFF)
                    length = 3
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush(upTo: index)
                    out += escape
                    runStart = index + length
                }
                index += length
            }
            flush(upTo: bytes.count)
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `\u001f`: four lower-case hex digits.
    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int(value >> UInt32(shift) & 0xF)]) }
        return out
    }
}
