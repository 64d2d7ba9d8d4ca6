import Ccmark

/// Moves inline content between trees and cleans the markers out of it.
enum CJKFriendlyEmphasisTransplant {
    static func containsMarker(_ block: OpaquePointer) -> Bool {
        var found = false
        forEachInline(in: block) { node in
            if !found { found = strings(of: node).contains(where: CJKFriendlyEmphasisMarker.occurs) }
        }
        return found
    }

    /// Replaces `original`'s inline children by `reparsed`'s, then takes the markers out.
    static func moveChildren(from reparsed: OpaquePointer, to original: OpaquePointer) {
        while let child = cmark_node_first_child(original) {
            cmark_node_unlink(child)
            cmark_node_free(child)
        }
        while let child = cmark_node_first_child(reparsed) {
            cmark_node_unlink(child)
            cmark_node_append_child(original, child)
        }
        removeMarkers(in: original)
    }

    private static func removeMarkers(in block: OpaquePointer) {
        var emptied: [OpaquePointer] = []
        forEachInline(in: block) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                let literal = string(cmark_node_get_literal(node))
                guard CJKFriendlyEmphasisMarker.occurs(in: literal) else { break }
                let cleaned = CJKFriendlyEmphasisMarker.removed(from: literal)
                cmark_node_set_literal(node, cleaned)
                if cleaned.isEmpty && cmark_node_get_type(node) == CMARK_NODE_TEXT { emptied.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                cmark_node_set_url(node, CJKFriendlyEmphasisMarker.removed(from: string(cmark_node_get_url(node))))
                cmark_node_set_title(node, CJKFriendlyEmphasisMarker.removed(from: string(cmark_node_get_title(node))))
            default:
                break
            }
        }
        // An empty text node would hide its neighbours from the soft-break rule that runs next.
        for node in emptied {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func strings(of node: OpaquePointer) -> [String] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            [string(cmark_node_get_literal(node))]
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            [string(cmark_node_get_url(node)), string(cmark_node_get_title(node))]
        default:
            []
        }
    }

    private static func forEachInline(in block: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(block)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != block else { continue }
            body(node)
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
