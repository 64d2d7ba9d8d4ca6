/// One line of a paragraph, with its container markers (`>`, list indentation) removed.
struct PipeTableLine: Hashable, Sendable {
    /// The text, leading whitespace removed.
    var text: Substring
    /// Whitespace columns before the text, or nil when unknown (inside list items).
    var indent: Int?
    /// A lazy continuation line (its block quote's `>` is missing): in GFM it cannot belong to a table.
    var isLazy: Bool = false
}

/// Splits the lines of one paragraph into the paragraph text and tables GFM would see there.
enum PipeTableLayout {
    enum Segment: Hashable, Sendable {
        case paragraph(Range<Int>)
        /// A table whose header is the line at `firstLine`.
        case table(PipeTable, firstLine: Int, lineCount: Int)
    }

    /// Nil when the lines hold no table (the paragraph stays as cmark parsed it).
    static func segments(of lines: [PipeTableLine]) -> [Segment]? {
        var segments: [Segment] = []
        var paragraphStart = 0
        var index = 0
        while index + 1 < lines.count {
            guard var table = tableStart(header: lines[index], delimiter: lines[index + 1]) else {
                index += 1
                continue
            }
            if paragraphStart < index {
                segments.append(.paragraph(paragraphStart..<index))
            }
            var end = index + 2
            while end < lines.count && !lines[end].isLazy && isRowCandidate(lines[end]) && table.appendRow(lines[end].text) {
                end += 1
            }
            segments.append(.table(table, firstLine: index, lineCount: end - index))
            paragraphStart = end
            index = end
        }
        guard !segments.isEmpty else { return nil }
        if paragraphStart < lines.count {
            segments.append(.paragraph(paragraphStart..<lines.count))
        }
        return segments
    }

    private static func tableStart(header: PipeTableLine, delimiter: PipeTableLine) -> PipeTable? {
        guard !delimiter.isLazy, isRowCandidate(delimiter) else { return nil }
        return PipeTable(header: header.text, delimiter: delimiter.text)
    }

    /// GFM opens no table line indented four columns or more (that would be indented code).
    private static func isRowCandidate(_ line: PipeTableLine) -> Bool {
        (line.indent ?? 0) < 4
    }
}
