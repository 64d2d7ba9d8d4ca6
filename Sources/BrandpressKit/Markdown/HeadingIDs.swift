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
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "_" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || props.isWhitespace || scalar == "·" || scalar == "・" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
