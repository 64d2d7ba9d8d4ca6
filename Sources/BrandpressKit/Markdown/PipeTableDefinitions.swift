import Ccmark

/// Link reference definitions for Markdown rendered apart from its page (table cells).
/// cmark keeps its reference map private, so this asks cmark itself: it parses the page after one
/// probe paragraph `[label]` per candidate label and reads back the links the probes became.
enum PipeTableDefinitions {
    /// Texts between `[` and `]` (no nested brackets), the candidate reference labels.
    static func bracketedTexts(in texts: [String]) -> [String] {
        var labels: [String] = []
        var seen: Set<String> = []
        for text in texts where text.utf8.contains(UInt8(ascii: "[")) {
            var current: String?
            var escaped = false
            for character in text {
                if escaped {
                    current?.append(character)
                    escaped = false
                    continue
                }
                switch character {
                case "\\":
                    current?.append(character)
                    escaped = true
                case "[":
                    current = ""
                case "]":
                    if let label = current, !label.allSatisfy(\.isWhitespace), label.count <= 999, seen.insert(label).inserted {
                        labels.append(label)
                    }
                    current = nil
                default:
                    current?.append(character)
                }
            }
        }
        return labels
    }

    /// `[label]: <url> "title"` lines for the labels the page defines; empty when none.
    static func markdown(for labels: [String], source: String) -> String {
        guard !labels.isEmpty, ByteSearch.contains("]:", in: source) else { return "" }
        // Definitions apply to the whole document, so probes placed before the page see them all,
        // and a blank line keeps them apart from the page's first block.
        var probe = labels.map { "[\($0)]\n\n" }.joined() + source
        let document = probe.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document else { return "" }
        defer { cmark_node_free(document) }

        var definitions = ""
        var paragraph = cmark_node_first_child(document)
        for label in labels {
            guard let current = paragraph else { break }
            if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH,
               let link = cmark_node_first_child(current),
               cmark_node_get_type(link) == CMARK_NODE_LINK,
               cmark_node_next(link) == nil {
                let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(link).map { String(cString: $0) } ?? ""
                definitions += "[\(label)]: <\(escaped(url, in: "<>"))>"
                definitions += title.isEmpty ? "\n" : " \"\(escaped(title, in: "\""))\"\n"
            }
            paragraph = cmark_node_next(current)
        }
        return definitions
    }

    private static func escaped(_ text: String, in characters: String) -> String {
        var result = ""
        for character in text {
            if character == "\\" || characters.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
