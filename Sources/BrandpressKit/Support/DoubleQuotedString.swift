/// Text as a double-quoted string that both JSON and YAML read back unchanged: quotes, backslashes
/// and control characters escaped, plus the characters either format treats specially (U+2028/2029
/// end JavaScript statements in older engines; YAML refuses C1 controls and a stray byte-order mark).
enum DoubleQuotedString {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFEFF || value == 0x2028 || value == 0x2029 {
                    out += "\\u" + String(value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
