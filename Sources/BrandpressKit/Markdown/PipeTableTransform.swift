import Ccmark

/// Turns GFM pipe tables into HTML blocks in a tree parsed by plain cmark, where a table arrives
/// as a paragraph (or, with a `---`/`===` line under it, a setext heading). Detection works on the
/// source lines, and every cell is rendered afresh through `renderCell(markdown, sourceLine)`.
enum PipeTableTransform {
    static func apply(to document: OpaquePointer, source: String, renderCell: (String, Int) -> String) {
        guard ByteSearch.contains(byte: UInt8(ascii: "|"), in: source) else { return }
        let candidates = multiLineBlocks(in: document)
        guard !candidates.isEmpty else { return }
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        let blocks = candidates.compactMap { PipeTableBlock(node: $0, sourceLines: lines) }
        guard !blocks.isEmpty else { return }
        let labels = PipeTableDefinitions.bracketedTexts(in: blocks.flatMap(\.inlineTexts))
        let definitions = PipeTableDefinitions.markdown(for: labels, source: source)
        for block in blocks {
            block.replaceNode { markdown, line in
                guard !markdown.isEmpty else { return "" }
                // Cells are rendered as separate documents, which need the page's link definitions.
                let text = definitions.isEmpty || !ByteSearch.contains(byte: UInt8(ascii: "["), in: markdown) ? markdown : markdown + "\n\n" + definitions
                return renderCell(text, line)
            }
        }
    }

    /// Paragraphs and setext headings spanning two lines or more; collected before any edit.
    private static func multiLineBlocks(in document: OpaquePointer) -> [OpaquePointer] {
        CmarkBlocks.inlineContainers(of: document).filter { cmark_node_get_end_line($0) > cmark_node_get_start_line($0) }
    }
}

/// A paragraph or setext heading that holds at least one table, and what replaces it.
private struct PipeTableBlock {
    let node: OpaquePointer
    let firstLine: Int
    let lines: [PipeTableLine]
    var segments: [PipeTableLayout.Segment]
    /// The heading level when the node is a setext heading.
    let headingLevel: Int32?
    /// GFM reads a `---` underline after a table as a thematic break.
    var endsWithThematicBreak = false

    init?(node: OpaquePointer, sourceLines: [Substring]) {
        let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
        let firstLine = Int(cmark_node_get_start_line(node))
        var lastLine = Int(cmark_node_get_end_line(node))
        if isHeading { lastLine -= 1 }
        guard firstLine >= 1, lastLine < sourceLines.count || (!isHeading && lastLine == sourceLines.count),
              firstLine <= lastLine
        else { return nil }

        let containers = PipeTableContainers(of: node)
        let firstColumn = Int(cmark_node_get_start_column(node))
        var lines: [PipeTableLine] = []
        for number in firstLine...lastLine {
            let raw = sourceLines[number - 1]
            lines.append(number == firstLine
                ? containers.firstLine(raw, contentColumn: firstColumn)
                : containers.continuationLine(raw))
        }
        guard lines.contains(where: { $0.text.utf8.contains(UInt8(ascii: "|")) }),
              let segments = PipeTableLayout.segments(of: lines)
        else { return nil }

        self.node = node
        self.firstLine = firstLine
        self.lines = lines
        self.segments = segments
        self.headingLevel = isHeading ? cmark_node_get_heading_level(node) : nil
        if isHeading {
            applyUnderline(containers.continuationLine(sourceLines[lastLine]))
        }
    }

    /// A setext underline after a table: `===` is one more row, `---` a thematic break.
    /// After paragraph text the underline keeps making that text a heading.
    private mutating func applyUnderline(_ underline: PipeTableLine) {
        guard case .table(var table, let tableLine, let count)? = segments.last else { return }
        if headingLevel == 1, table.appendRow(underline.text) {
            segments[segments.count - 1] = .table(table, firstLine: tableLine, lineCount: count + 1)
        } else {
            endsWithThematicBreak = true
        }
    }

    private func paragraphText(_ range: Range<Int>) -> String {
        range.map { String(lines[$0].text) }.joined(separator: "\n")
    }

    /// Every piece of Markdown this block will render.
    var inlineTexts: [String] {
        segments.flatMap { segment -> [String] in
            switch segment {
            case .paragraph(let range): [paragraphText(range)]
            case .table(let table, _, _): table.header + table.rows.flatMap { $0 }
            }
        }
    }

    func replaceNode(render: (String, Int) -> String) {
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .paragraph(let range):
                let html = render(paragraphText(range), firstLine + range.lowerBound)
                guard !html.isEmpty else { continue }
                let block: OpaquePointer
                if let headingLevel, index == segments.count - 1 {
                    block = cmark_node_new(CMARK_NODE_HEADING)!
                    cmark_node_set_heading_level(block, headingLevel)
                } else {
                    block = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                }
                // A real paragraph node keeps cmark's choice of `<p>` or none in tight lists.
                let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(inline, html)
                cmark_node_append_child(block, inline)
                cmark_node_insert_before(node, block)
            case .table(let table, let tableLine, _):
                let html = table.html { cell, row in
                    render(PipeTableCellText.inlineOnly(cell), firstLine + tableLine + row)
                }
                let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(block, html)
                cmark_node_insert_before(node, block)
            }
        }
        if endsWithThematicBreak {
            cmark_node_insert_before(node, cmark_node_new(CMARK_NODE_THEMATIC_BREAK))
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
