/// Cuts a Markdown file into its YAML front matter and its body.
public struct FrontMatterSplitter {
    public struct Parts: Sendable, Equatable {
        /// The YAML between the fences, or nil when the file has no front matter.
        public var yaml: String?
        /// Line number (1-based) of the first YAML line.
        public var yamlFirstLine: Int
        public var body: String
        /// Line number (1-based) of the body's first line in the file.
        public var bodyFirstLine: Int
    }

    /// `text` must already have `\n` line endings. A file starts with front matter when its first line is `---`.
    public static func split(_ text: String, file: String) throws -> Parts {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return Parts(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        // Lines found on the UTF-8 bytes: a line feed always ends a character, so the indices cut
        // the text between characters, and finding them needs no grapheme breaking.
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        var lineNumber = 1
        var index = bytes.firstIndex(of: newline).map { bytes.index(after: $0) } ?? text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            lineNumber += 1
            let lineEnd = bytes[index...].firstIndex(of: newline) ?? text.endIndex
            if isFence(bytes[index..<lineEnd]) {
                let bodyStart = lineEnd < text.endIndex ? bytes.index(after: lineEnd) : text.endIndex
                return Parts(
                    yaml: String(text[yamlStart..<index]),
                    yamlFirstLine: 2,
                    body: String(text[bodyStart...]),
                    bodyFirstLine: lineNumber + 1
                )
            }
            index = lineEnd < text.endIndex ? bytes.index(after: lineEnd) : text.endIndex
        }
        throw BuildFailure(.error(
            "the front matter that starts on line 1 is never closed; add a line with only `---` after the last front matter field",
            file: file, line: 1))
    }

    /// `---` or `...`, with spaces or tabs after it: the line that closes front matter.
    static func isFence(_ line: Substring.UTF8View) -> Bool {
        let content = line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed()
        return content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8)
    }
}
