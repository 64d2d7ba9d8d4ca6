import Ccmark

/// Turns GFM pipe tables into HTML blocks in a tree parsed by plain cmark, where a table arrives
/// as a paragraph (or, with a `---`/`===` line under it, a setext heading). Detection works on the
/// source lines, and every cell is rendered afresh through `renderCell(markdown, sourceLine)`.
enum PipeTableTransform {
    static func apply(to document: OpaquePointer, source: String, renderCell: (String, Int) -> String) {
        guard source.utf8.contains(UInt8(ascii: "|")) else { return }
        let candidates = multiLineBlocks(in: document)
        guard !candidates.isEmpty else { return }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let renderer = PipeTableBlockRenderer(definitions: PipeTableDefinitions.text(of: document, lines: lines))
        for block in candidates {
            renderer.transform(block, sourceLines: lines, renderInline: renderCell)
        }
    }

    /// Paragraphs and setext headings spanning two lines or more; collected before any edit.
    private static func multiLineBlocks(in document: OpaquePointer) -> [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { continue }
            if cmark_node_get_end_line(node) > cmark_node_get_start_line(node) {
                blocks.append(node)
            }
        }
        return blocks
    }
}

/// Replaces one paragraph or setext heading by its paragraphs and tables.
private struct PipeTableBlockRenderer {
    let definitions: String

    func transform(_ node: OpaquePointer, sourceLines: [Substring], renderInline: (String, Int) -> String) {
        let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
        let firstLine = Int(cmark_node_get_start_line(node))
        var lastLine = Int(cmark_node_get_end_line(node))
        if isHeading { lastLine -= 1 }
        guard firstLine >= 1, lastLine <= sourceLines.count, firstLine <= lastLine else { return }

        let containers = PipeTableContainers(of: node)
        let firstColumn = Int(cmark_node_get_start_column(node))
        var lines: [PipeTableLine] = []
        for number in firstLine...lastLine {
            let raw = sourceLines[number - 1]
            lines.append(number == firstLine
                ? containers.firstLine(raw, contentColumn: firstColumn)
                : containers.continuationLine(raw))
        }
        guard lines.contains(where: { $0.text.contains("|") }),
              var segments = PipeTableLayout.segments(of: lines)
        else { return }

        var trailingBlock: OpaquePointer?
        if isHeading {
            let underline = containers.continuationLine(sourceLines[lastLine])
            let level = Int(cmark_node_get_heading_level(node))
            trailingBlock = headingUnderline(level: level, underline: underline, segments: &segments, lines: lines, firstLine: firstLine)
        }

        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case .paragraph(let range):
                let text = range.map { String(lines[$0].text) }.joined(separator: "\n")
                let html = render(text, line: firstLine + range.lowerBound, with: renderInline)
                guard !html.isEmpty else { continue }
                let type = isHeading && isLast ? CMARK_NODE_HEADING : CMARK_NODE_PARAGRAPH
                let block = cmark_node_new(type)!
                if type == CMARK_NODE_HEADING {
                    cmark_node_set_heading_level(block, cmark_node_get_heading_level(node))
                }
                let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(inline, html)
                cmark_node_append_child(block, inline)
                cmark_node_insert_before(node, block)
            case .table(let table, let tableLine, _):
                let html = table.html { cell, row in
                    render(PipeTableCellText.inlineOnly(cell), line: firstLine + tableLine + row, with: renderInline)
                }
                let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(block, html)
                cmark_node_insert_before(node, block)
            }
        }
        if let trailingBlock {
            cmark_node_insert_before(node, trailingBlock)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// What GFM makes of a setext underline after a table: `===` is one more row, `---` a
    /// thematic break. After paragraph text the underline still makes that text a heading.
    private func headingUnderline(
        level: Int, underline: PipeTableLine, segments: inout [PipeTableLayout.Segment],
        lines: [PipeTableLine], firstLine: Int
    ) -> OpaquePointer? {
        guard case .table(var table, let tableLine, let count)? = segments.last else { return nil }
        if level == 1, table.appendRow(underline.text) {
            segments[segments.count - 1] = .table(table, firstLine: tableLine, lineCount: count + 1)
            return nil
        }
        return cmark_node_new(CMARK_NODE_THEMATIC_BREAK)
    }

    private func render(_ markdown: String, line: Int, with renderInline: (String, Int) -> String) -> String {
        guard !markdown.isEmpty else { return "" }
        // Reference-style links need the document's definitions, which cmark keeps to itself.
        if !definitions.isEmpty && markdown.contains("[") {
            return renderInline(markdown + "\n\n" + definitions, line)
        }
        return renderInline(markdown, line)
    }
}
