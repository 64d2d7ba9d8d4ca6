import Ccmark

/// Walks a cmark tree for the blocks whose children are inlines: paragraphs and headings.
/// Collected before any edit, since editing the tree under a live iterator is not allowed.
enum CmarkBlocks {
    static func inlineContainers(of document: OpaquePointer) -> [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { blocks.append(node) }
        }
        return blocks
    }
}
