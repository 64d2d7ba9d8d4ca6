import Ccmark

/// The document's link reference definitions as Markdown, so a cell rendered on its own can
/// still use `[text][label]` links. cmark does not expose its reference map: this takes the
/// top-level source lines no block covers (where definitions end up) and keeps them only if
/// cmark parses them to nothing but definitions.
enum PipeTableDefinitions {
    static func text(of document: OpaquePointer, lines: [Substring]) -> String {
        var covered = [Bool](repeating: false, count: lines.count)
        var child = cmark_node_first_child(document)
        while let node = child {
            let first = max(Int(cmark_node_get_start_line(node)), 1)
            let last = min(Int(cmark_node_get_end_line(node)), lines.count)
            if first <= last {
                for index in (first - 1)..<last { covered[index] = true }
            }
            child = cmark_node_next(node)
        }
        let uncovered = lines.indices.filter { !covered[$0] }.map { lines[$0] }
        var text = uncovered.joined(separator: "\n")
        guard text.contains("]:") else { return "" }
        text += "\n"
        return parsesToDefinitionsOnly(text) ? text : ""
    }

    private static func parsesToDefinitionsOnly(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let document = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else {
                    return false
                }
                defer { cmark_node_free(document) }
                return cmark_node_first_child(document) == nil
            }
        }
    }
}
