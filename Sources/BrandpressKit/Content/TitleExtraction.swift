/// Takes a page's title from its first `# heading` when the front matter has none.
enum TitleExtraction {
    /// The heading text and the body with that line blanked (line numbers stay right), or nil.
    static func firstHeading(in body: String) -> (title: String, body: String)? {
        // Only the first line that is not blank matters; lines are found on bytes, not characters.
        let bytes = body.utf8
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = body[lineStart..<lineEnd]
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
                continue
            }
            guard line.count - trimmed.count < 4, trimmed.hasPrefix("# ") || trimmed == "#" else { return nil }
            let text = withoutClosingSequence(trimmed.dropFirst(1).trimmingWhitespace())
            guard !text.isEmpty else { return nil }
            // The heading's line is blanked, so that line numbers stay right.
            return (text, String(body[..<lineStart]) + String(body[lineEnd...]))
        }
        return nil
    }

    /// `标题 ##` → `标题`: an optional closing run of `#` after white space goes; a heading of only `#` is empty.
    static func withoutClosingSequence(_ text: String) -> String {
        let beforeHashes = text.reversed().drop { $0 == "#" }
        if beforeHashes.isEmpty { return "" }
        guard beforeHashes.count < text.count, beforeHashes.first?.isWhitespace == true else { return text }
        return String(beforeHashes.drop(while: \.isWhitespace).reversed())
    }
}
