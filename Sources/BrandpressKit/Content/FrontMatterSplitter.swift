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
        var lineNumber = 1
        var index = text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            lineNumber += 1
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd].trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return Parts(
                    yaml: String(text[yamlStart..<index]),
                    yamlFirstLine: 2,
                    body: String(text[bodyStart...]),
                    bodyFirstLine: lineNumber + 1
                )
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        throw BuildFailure(.error(
            "the front matter that starts on line 1 is never closed; add a line with only `---` after the last front matter field",
            file: file, line: 1))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
