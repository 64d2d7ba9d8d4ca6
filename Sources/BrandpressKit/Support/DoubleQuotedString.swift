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
            out.reserveCapacity(bytes.count + bytes.count / 16 + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isPlain(byte) {
                    index += 1
                    continue
                }
                var length = 1
                var escaped: UInt8?
                var code: UInt32?
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): escaped = byte
                case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                case 0..<0x20, 0x7F: code = UInt32(byte)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080–U+009F, the C1 controls.
                    code = UInt32(bytes[index + 1])
                    length = 2
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                    code = 0xFEFF
                    length = 3
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    code = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    length = 3
                default:
                    break
                }
                if escaped != nil || code != nil {
                    if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    out.append(UInt8(ascii: "\\"))
                    if let escaped { out.append(escaped) } else if let code { appendUnicodeEscape(code, to: &out) }
                    runStart = index + length
                }
                index += length
            }
            if bytes.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Bytes that are never the start of anything escaped: printable ASCII but the quote and the
    /// backslash, continuation bytes, and lead bytes other than those of U+0080–U+009F (C2),
    /// U+2028/2029 (E2) and the byte-order mark (EF). Chinese text is all plain.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20...0x7E: return byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        case 0x80...0xC1, 0xC3...0xE1, 0xE3...0xEE, 0xF0...0xFF: return true
        default: return false
        }
    }

    /// `u001f` after the backslash: four lower-case hex digits.
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(digits.utf8Start[Int(value >> UInt32(shift) & 0xF)])
        }
    }
}
