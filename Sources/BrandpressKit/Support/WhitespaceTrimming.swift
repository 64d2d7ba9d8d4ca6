extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`) without the trip through
    /// NSString (tens of thousands of instructions a call): white space is general category Zs, the
    /// tab and U+200B (zero width space), and with newlines also Zl, Zp, U+000A–U+000D and U+0085,
    /// as Foundation's sets have them.
    func trimmingWhitespace(andNewlines: Bool = false) -> String {
        let text = String(self), scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              WhitespaceTrimming.isWhitespace(first, andNewlines: andNewlines) || WhitespaceTrimming.isWhitespace(last, andNewlines: andNewlines)
        else { return text }
        guard let start = scalars.firstIndex(where: { !WhitespaceTrimming.isWhitespace($0, andNewlines: andNewlines) }),
              let end = scalars.lastIndex(where: { !WhitespaceTrimming.isWhitespace($0, andNewlines: andNewlines) })
        else { return "" }
        return String(scalars[start...end])
    }
}

enum WhitespaceTrimming {
    static func isWhitespace(_ scalar: Unicode.Scalar, andNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0x200B: return true
        case 0x0A...0x0D, 0x85: return andNewlines
        case 0x21...0x7E, 0x3001...: return false  // no white space above U+3000
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return andNewlines
            default: return false
            }
        }
    }
}
