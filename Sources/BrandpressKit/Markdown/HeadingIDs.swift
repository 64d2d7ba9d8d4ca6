/// Makes stable, unique `id`s for headings: Chinese and other letters are kept, spaces become `-`.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func makeID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        if let count = used[base] {
            var next = count
            repeat {
                next += 1
                candidate = "\(base)-\(next)"
            } while used[candidate] != nil
            used[base] = next
        }
        used[candidate] = 0
        return candidate
    }

    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            switch kind(of: scalar) {
            case .kept:
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            case .separator:
                pendingDash = true
            case .dropped:
                break
            }
        }
        return result.isEmpty ? "section" : result
    }

    private enum Kind {
        case kept, separator, dropped
    }

    /// Letters, digits and `_` are kept; `-`, white space and middle dots separate words. ASCII and
    /// the CJK ideographs, nearly every character of a heading, are told without the Unicode tables.
    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F, 0x4E00...0x9FFF: return .kept
        case 0x2D, 0x09...0x0D, 0x20: return .separator
        case 0...0x7F: return .dropped
        default:
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil { return .kept }
            return props.isWhitespace || scalar == "·" || scalar == "・" ? .separator : .dropped
        }
    }
}
