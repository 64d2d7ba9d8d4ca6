/// Takes a page's title from its first `# heading` when the front matter has none.
enum TitleExtraction {
    /// The heading text and the body with that line blanked (line numbers stay right), or nil.
    static func firstHeading(in body: String) -> (title: String, body: String)? {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty { continue }
            guard line.count - trimmed.count < 4, trimmed.hasPrefix("# ") || trimmed == "#" else { return nil }
            var text = trimmed.dropFirst(1).trimmingWhitespace()
            if let closing = text.range(of: #"\s+#+$"#, options: .regularExpression) {
                text.removeSubrange(closing)
            } else if text.allSatisfy({ $0 == "#" }) {
                text = ""
            }
            guard !text.isEmpty else { return nil }
            lines[index] = ""
            return (text, lines.joined(separator: "\n"))
        }
        return nil
    }
}
