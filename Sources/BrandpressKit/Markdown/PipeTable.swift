/// A GFM pipe table as written: header cells, column alignments and body rows, each cell still
/// inline Markdown (escaped pipes already unescaped). Rows follow GFM's table extension.
struct PipeTable: Hashable, Sendable {
    enum Alignment: Hashable, Sendable {
        case none, left, center, right
    }

    var header: [String]
    var alignments: [Alignment]
    /// Body rows, already padded or cut to the header's cell count.
    var rows: [[String]]

    var columnCount: Int { header.count }

    /// A table from a header line and a delimiter line, or nil when they do not make one.
    init?(header headerLine: Substring, delimiter delimiterLine: Substring) {
        guard let alignments = Self.alignments(ofDelimiterRow: delimiterLine),
              let header = Self.cells(ofRow: headerLine),
              header.count == alignments.count
        else { return nil }
        self.header = header
        self.alignments = alignments
        self.rows = []
    }

    /// Adds a body row; false when the line is not a row (then the table has ended).
    mutating func appendRow(_ line: Substring) -> Bool {
        guard var cells = Self.cells(ofRow: line) else { return false }
        if cells.count > columnCount {
            cells.removeLast(cells.count - columnCount)
        }
        while cells.count < columnCount { cells.append("") }
        rows.append(cells)
        return true
    }

    /// GFM's HTML for the table; `renderCell` gets a cell's Markdown and its row index
    /// (0 for the header, 1 for the delimiter row's line, 2… for body rows).
    func html(renderCell: (String, Int) -> String) -> String {
        var html = "<table>\n<thead>\n<tr>\n"
        for (column, cell) in header.enumerated() {
            html += "<th\(alignments[column].attribute)>\(cell.isEmpty ? "" : renderCell(cell, 0))</th>\n"
        }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for (index, row) in rows.enumerated() {
                html += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    html += "<td\(alignments[column].attribute)>\(cell.isEmpty ? "" : renderCell(cell, index + 2))</td>\n"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n"
    }

    // MARK: - Rows

    /// The cells of one line read as a table row, or nil when it is not one (no cell at all).
    /// A pipe preceded by a backslash belongs to the cell: GFM's cell scanner takes `\|` as one
    /// escaped character even after another backslash.
    static func cells(ofRow line: Substring) -> [String]? {
        let bytes = Array(line.utf8)
        var offset = pipeAndSpaces(in: bytes, at: 0)
        var cells: [String] = []
        while offset < bytes.count {
            let cellStart = offset
            while offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "|") && !(offset > cellStart && bytes[offset - 1] == UInt8(ascii: "\\")) {
                    break
                }
                offset += 1
            }
            let cellEnd = offset
            let separator = pipeAndSpaces(in: bytes, at: offset)
            guard cellEnd > cellStart || separator > 0 else { break }
            cells.append(cellText(bytes[cellStart..<cellEnd]))
            offset += separator
        }
        return cells.isEmpty ? nil : cells
    }

    /// Drops the backslash of each `\|` and trims, like GFM; other escapes are left to inline parsing.
    private static func cellText(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = index + 1 < bytes.endIndex ? bytes[index + 1] : nil
            if byte == UInt8(ascii: "\\") && next == UInt8(ascii: "|") {
                index += 1
                continue
            }
            result.append(byte)
            index += 1
        }
        // Trimmed byte by byte, as cmark-gfm does (`cmark_strbuf_trim`), even where a space and the
        // combining mark after it make one character.
        var start = result.startIndex, end = result.endIndex
        while start < end, isCellSpace(result[start]) { start += 1 }
        while end > start, isCellSpace(result[end - 1]) { end -= 1 }
        return String(decoding: result[start..<end], as: UTF8.self)
    }

    /// cmark's `cmark_isspace`.
    private static func isCellSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Length of a `|` and the table spaces after it at `offset`, or 0 when there is no pipe.
    private static func pipeAndSpaces(in bytes: [UInt8], at offset: Int) -> Int {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "|") else { return 0 }
        var end = offset + 1
        while end < bytes.count && isTableSpace(bytes[end]) { end += 1 }
        return end - offset
    }

    private static func isTableSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    // MARK: - Delimiter row

    /// Alignments of a delimiter row (`| :-- | --: |`), or nil when the line is not one.
    static func alignments(ofDelimiterRow line: Substring) -> [Alignment]? {
        let bytes = Array(line.utf8)
        var offset = 0
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "|") { offset += 1 }
        var alignments: [Alignment] = []
        while true {
            guard let (alignment, end) = marker(in: bytes, at: offset) else { return nil }
            alignments.append(alignment)
            offset = end
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "|") else { break }
            offset += 1
            if bytes[offset...].allSatisfy(isTableSpace) {
                offset = bytes.count
                break
            }
        }
        while offset < bytes.count && isTableSpace(bytes[offset]) { offset += 1 }
        return offset == bytes.count ? alignments : nil
    }

    /// One delimiter cell: spaces, optional `:`, dashes, optional `:`, spaces.
    private static func marker(in bytes: [UInt8], at start: Int) -> (Alignment, Int)? {
        var offset = start
        while offset < bytes.count && isTableSpace(bytes[offset]) { offset += 1 }
        let leftColon = offset < bytes.count && bytes[offset] == UInt8(ascii: ":")
        if leftColon { offset += 1 }
        let dashesStart = offset
        while offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset > dashesStart else { return nil }
        let rightColon = offset < bytes.count && bytes[offset] == UInt8(ascii: ":")
        if rightColon { offset += 1 }
        while offset < bytes.count && isTableSpace(bytes[offset]) { offset += 1 }
        let alignment: Alignment = switch (leftColon, rightColon) {
        case (true, true): .center
        case (true, false): .left
        case (false, true): .right
        case (false, false): .none
        }
        return (alignment, offset)
    }
}

extension PipeTable.Alignment {
    var attribute: String {
        switch self {
        case .none: ""
        case .left: " align=\"left\""
        case .center: " align=\"center\""
        case .right: " align=\"right\""
        }
    }
}
