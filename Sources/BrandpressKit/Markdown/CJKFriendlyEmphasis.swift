import Ccmark

/// Emphasis next to CJK characters and punctuation, per the markdown-cjk-friendly specification (issue 8).
///
/// Rather than re-matching delimiters on cmark's finished tree (where leftover delimiters are merged
/// with escaped `\*` and entities into one text node, inline source positions drift on continuation
/// lines, and cmark may already have paired runs the relaxed rules would pair differently, as in
/// `**《手册》**和**品牌**`), the pass lets cmark's own delimiter algorithm run again on a copy of the
/// source where invisible markers next to the affected runs give cmark's flanking test the relaxed
/// answer. The inline content of each paragraph or heading that got markers replaces the original's,
/// and the markers are removed. Text without such runs (all Latin text) is never re-parsed.
enum CJKFriendlyEmphasis {
    static func apply(to document: OpaquePointer, source: String, parseOptions: Int32) {
        guard let marked = CJKFriendlyEmphasisPlanner.markedSource(source) else { return }
        let reparsed = parse(marked, options: parseOptions)
        defer { cmark_node_free(reparsed) }

        var originals: [BlockKey: OpaquePointer] = [:]
        for block in inlineContainers(of: document) { originals[BlockKey(block)] = block }
        for block in inlineContainers(of: reparsed) where CJKFriendlyEmphasisTransplant.containsMarker(block) {
            guard let original = originals[BlockKey(block)] else { continue }
            CJKFriendlyEmphasisTransplant.moveChildren(from: block, to: original)
        }
    }

    private static func parse(_ markdown: String, options: Int32) -> OpaquePointer {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)!
            }
        }
    }

    /// Blocks whose children are inlines. Markers never change block structure, so the two parses
    /// have the same blocks at the same places; blocks another pass replaced simply find no partner.
    private static func inlineContainers(of document: OpaquePointer) -> [OpaquePointer] {
        CmarkBlocks.inlineContainers(of: document)
    }

    /// Markers sit strictly inside lines, so a block's start is the same in both parses.
    private struct BlockKey: Hashable {
        var type: UInt32
        var line: Int32
        var column: Int32

        init(_ node: OpaquePointer) {
            type = cmark_node_get_type(node).rawValue
            line = cmark_node_get_start_line(node)
            column = cmark_node_get_start_column(node)
        }
    }
}
