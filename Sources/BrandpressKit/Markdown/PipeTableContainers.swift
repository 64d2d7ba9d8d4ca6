import Ccmark

/// The block quotes and list items around a paragraph, to strip their markers from its source lines.
struct PipeTableContainers {
    enum Kind {
        case blockQuote, listItem
    }

    /// Outermost first.
    let kinds: [Kind]

    init(of node: OpaquePointer) {
        var kinds: [Kind] = []
        var parent = cmark_node_parent(node)
        while let current = parent {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_BLOCK_QUOTE: kinds.append(.blockQuote)
            case CMARK_NODE_ITEM: kinds.append(.listItem)
            default: break
            }
            parent = cmark_node_parent(current)
        }
        self.kinds = kinds.reversed()
    }

    /// The first line of the block: cmark reports where its content starts (1-based byte column),
    /// which also skips list markers only present on that line.
    func firstLine(_ raw: Substring, contentColumn: Int) -> PipeTableLine {
        let utf8 = raw.utf8
        let skip = min(max(contentColumn - 1, 0), utf8.count)
        let start = utf8.index(utf8.startIndex, offsetBy: skip)
        return PipeTableLine(text: Self.trimmingLeadingSpace(raw[start...]), indent: 0)
    }

    /// A later line: block quote markers are required (else the line is lazy), list item
    /// indentation is plain whitespace that paragraph continuation drops anyway.
    func continuationLine(_ raw: Substring) -> PipeTableLine {
        var rest = raw
        for kind in kinds {
            rest = Self.trimmingLeadingSpace(rest)
            if kind == .blockQuote {
                guard rest.first == ">" else {
                    return PipeTableLine(text: rest, indent: nil, isLazy: true)
                }
                rest = rest.dropFirst()
                if rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
            }
        }
        let indent = kinds.contains(.listItem) ? nil : Self.columns(ofLeadingSpaceIn: rest)
        return PipeTableLine(text: Self.trimmingLeadingSpace(rest), indent: indent)
    }

    private static func trimmingLeadingSpace(_ text: Substring) -> Substring {
        text.drop(while: { $0 == " " || $0 == "\t" })
    }

    private static func columns(ofLeadingSpaceIn text: Substring) -> Int {
        var columns = 0
        for character in text {
            if character == " " {
                columns += 1
            } else if character == "\t" {
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        return columns
    }
}
