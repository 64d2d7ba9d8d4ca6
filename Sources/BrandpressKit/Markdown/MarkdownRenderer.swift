import Ccmark
import Foundation

/// The one place that talks to cmark. Every cmark pointer lives and dies inside `render`,
/// which hands back Swift values only, so pages can be rendered on any thread.
public enum MarkdownRenderer {
    public typealias LinkResolver = (_ destination: String, _ isImage: Bool) -> LinkResolution

    public static func render(
        _ markdown: String,
        options: MarkdownOptions,
        resolveLink: LinkResolver = { _, _ in .keep }
    ) -> RenderedMarkdown {
        withoutActuallyEscaping(resolveLink) { resolver in
            var pass = DocumentPass(options: options, resolveLink: resolver)
            return pass.run(markdown)
        }
    }

    /// `text` itself when cmark would render it, as a one-line document, to a paragraph of exactly
    /// that text: no ASCII punctuation or control character (no emphasis, links, entities, HTML,
    /// escapes, smart quotes or dashes, block markers), no space at either end (cmark trims it) and
    /// no byte-order mark at the start (cmark drops it). Most table cells are such text; rendering
    /// each through cmark cost five times a page's parse.
    static func plainInline(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first != UInt8(ascii: " "), last != UInt8(ascii: " "),
              !utf8.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        for byte in utf8 where byte < 0x80 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "):
                continue
            default:
                return nil
            }
        }
        return text
    }

    /// Whether `destination`, white space trimmed, starts with `scheme` (lowercase ASCII letters) and
    /// a colon, in any case. Compared byte by byte: lowercasing a long destination cost thousands of instructions.
    static func hasScheme(_ destination: String, _ scheme: String) -> Bool {
        let trimmed = destination.unicodeScalars.drop { WhitespaceTrimming.isWhitespace($0, andNewlines: false) }
        var bytes = Substring(trimmed).utf8.makeIterator()
        for expected in scheme.utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        return bytes.next() == UInt8(ascii: ":")
    }
}

/// The tree pass behind `MarkdownRenderer.render`: parse, transform cmark's tree, render.
private struct DocumentPass {
    let options: MarkdownOptions
    let resolveLink: MarkdownRenderer.LinkResolver
    var headingIDs = HeadingIDs()
    var headings: [Heading] = []
    var references: [LinkReference] = []
    var diagnostics: [Diagnostic] = []
    var plainText = ""
    var firstParagraph: String?
    /// Table cells and the paragraphs beside tables, rendered separately: their HTML and text in
    /// document order, so the walk can put the text into `plainText` where their block stands.
    var fragments: [(html: String, text: String)] = []
    /// The document's bytes and where each line starts: cmark counts columns in bytes, editors in characters.
    var sourceBytes: [UInt8] = []
    var lineStarts: [Int] = [0]

    init(options: MarkdownOptions, resolveLink: @escaping MarkdownRenderer.LinkResolver) {
        self.options = options
        self.resolveLink = resolveLink
    }

    var parseOptions: Int32 {
        var flags = CMARK_OPT_DEFAULT
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.siteExtensions { flags |= CMARK_OPT_SMART }
        return flags
    }

    var renderOptions: Int32 { parseOptions }

    mutating func run(_ markdown: String) -> RenderedMarkdown {
        sourceBytes = Array(markdown.utf8)
        for (offset, byte) in sourceBytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        let document = parse(markdown)
        defer { cmark_node_free(document) }
        if options.pipeTables {
            PipeTableTransform.apply(to: document, source: markdown) { cellText, line in
                self.renderInlineFragment(cellText, line: line)
            }
        }
        if options.siteExtensions && options.cjkFriendlyEmphasis {
            CJKFriendlyEmphasis.apply(to: document, source: markdown, parseOptions: parseOptions)
        }
        transformTree(document, collectText: true)
        let html = Self.renderHTML(document, options: renderOptions)
        return RenderedMarkdown(
            html: html,
            headings: headings,
            firstParagraph: firstParagraph,
            plainText: plainText,
            references: references,
            diagnostics: diagnostics
        )
    }

    func parse(_ markdown: String) -> OpaquePointer {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, parseOptions)!
            }
        }
    }

    /// Renders the inline content of one table cell with the same passes as the page, without `<p>`.
    mutating func renderInlineFragment(_ text: String, line: Int) -> String {
        if let plain = MarkdownRenderer.plainInline(text) {
            fragments.append((plain, plain))
            return plain
        }
        let fragment = parse(text)
        defer { cmark_node_free(fragment) }
        if options.siteExtensions && options.cjkFriendlyEmphasis {
            CJKFriendlyEmphasis.apply(to: fragment, source: text, parseOptions: parseOptions)
        }
        transformTree(fragment, collectText: false, lineOffset: line - 1)
        var html = Self.renderHTML(fragment, options: renderOptions)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        } else if html.hasSuffix("\n") {
            html.removeLast()
        }
        fragments.append((html, Self.plainText(of: fragment)))
        return html
    }

    static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let pointer = cmark_render_html(node, options) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    // MARK: - Tree walk

    private mutating func transformTree(_ document: OpaquePointer, collectText: Bool, lineOffset: Int = 0) {
        var softBreaksToRemove: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var headingText = ""
        var insideHeading = false
        var paragraphDepth = 0
        var firstParagraphText: String?

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER

            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = Self.literal(of: node)
                if insideHeading { headingText += literal }
                if collectText { plainText += literal }
                if paragraphDepth > 0 { firstParagraphText? += literal }
            case CMARK_NODE_SOFTBREAK:
                let joins = options.siteExtensions && Self.softBreakJoins(node)
                if joins { softBreaksToRemove.append(node) }
                let separator = joins ? "" : " "
                if insideHeading { headingText += separator }
                if collectText { plainText += separator }
                if paragraphDepth > 0 { firstParagraphText? += separator }
            case CMARK_NODE_LINEBREAK:
                if collectText { plainText += "\n" }
                if paragraphDepth > 0 { firstParagraphText? += " " }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering { handleReference(node, isImage: type == CMARK_NODE_IMAGE, lineOffset: lineOffset) }
            case CMARK_NODE_HEADING:
                if entering {
                    insideHeading = true
                    headingText = ""
                } else {
                    insideHeading = false
                    if options.siteExtensions {
                        let level = Int(cmark_node_get_heading_level(node))
                        let id = headingIDs.makeID(for: headingText)
                        headings.append(Heading(level: level, id: id, text: headingText.trimmingWhitespace()))
                        headingNodes.append(node)
                    }
                    if collectText { plainText += "\n" }
                }
            case CMARK_NODE_PARAGRAPH:
                if collectText && firstParagraph == nil && cmark_node_parent(node) == document {
                    if entering {
                        paragraphDepth += 1
                        firstParagraphText = firstParagraphText ?? ""
                    } else {
                        paragraphDepth -= 1
                        let text = firstParagraphText?.trimmingWhitespace(andNewlines: true) ?? ""
                        if !text.isEmpty { firstParagraph = text }
                        firstParagraphText = nil
                    }
                }
                if !entering && collectText { plainText += "\n" }
            case CMARK_NODE_CODE_BLOCK:
                if collectText { plainText += Self.literal(of: node) + "\n" }
            case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                if collectText && entering { plainText += takeFragmentText(for: node, isBlock: type == CMARK_NODE_CUSTOM_BLOCK) }
            default:
                break
            }
        }

        for node in softBreaksToRemove {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for (node, heading) in zip(headingNodes, headings.suffix(headingNodes.count)) {
            replaceHeading(node, id: heading.id, level: heading.level)
        }
    }

    /// The text of the fragments whose HTML a custom node holds: those at the head of `fragments`.
    private mutating func takeFragmentText(for node: OpaquePointer, isBlock: Bool) -> String {
        let html = cmark_node_get_on_enter(node).map(UnsafeRawPointer.init)
        let length = html.map { strlen($0.assumingMemoryBound(to: CChar.self)) } ?? 0
        var searchStart = 0
        var texts: [String] = []
        while let first = fragments.first {
            if first.html.isEmpty {
                fragments.removeFirst()
                continue
            }
            var fragment = first.html
            let found = fragment.withUTF8 { needle -> Int? in
                guard let html, let match = ByteSearch.firstOffset(of: UnsafeRawBufferPointer(needle),
                                                                  in: UnsafeRawBufferPointer(start: html + searchStart, count: length - searchStart)) else { return nil }
                return searchStart + match + needle.count
            }
            guard let found else { break }
            searchStart = found
            texts.append(first.text)
            fragments.removeFirst()
        }
        return texts.joined(separator: " ") + (isBlock && !texts.isEmpty ? "\n" : "")
    }

    private mutating func handleReference(_ node: OpaquePointer, isImage: Bool, lineOffset: Int) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        let byteColumn = Int(cmark_node_get_start_column(node))
        let column = lineOffset == 0 ? characterColumn(line: line, byteColumn: byteColumn) : byteColumn
        references.append(LinkReference(
            destination: destination,
            isImage: isImage,
            altText: isImage ? Self.plainText(of: node) : "",
            line: line,
            column: column
        ))
        if !options.unsafeHTML && !isImage && MarkdownRenderer.hasScheme(destination, "data") {
            cmark_node_set_url(node, "")
            return
        }
        switch resolveLink(destination, isImage) {
        case .keep:
            break
        case .rewrite(let url):
            cmark_node_set_url(node, url)
        case .invalid(let message):
            diagnostics.append(.error(message, file: nil, line: line, column: column))
        }
    }

    /// 1-based column in characters of a 1-based byte column on a line of the document.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, sourceBytes.count)
        return String(decoding: sourceBytes[start..<end], as: UTF8.self).count + 1
    }

    private func replaceHeading(_ node: OpaquePointer, id: String, level: Int) {
        var html = Self.renderHTML(node, options: renderOptions)
        let openTag = "<h\(level)"
        if html.hasPrefix(openTag) {
            html.insert(contentsOf: " id=\"\(HTMLEscaping.attribute(id))\"", at: html.index(html.startIndex, offsetBy: openTag.count))
        }
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, html)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    // MARK: - Node helpers

    static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(of: current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    static func softBreakJoins(_ node: OpaquePointer) -> Bool {
        guard let before = cmark_node_previous(node).flatMap({ lastScalar(of: $0) }),
              let after = cmark_node_next(node).flatMap({ firstScalar(of: $0) })
        else { return false }
        return CJKCharacters.joinsWithoutSpace(before, after)
    }

    /// Read from cmark's bytes (valid UTF-8: cmark replaces invalid input) without making a
    /// String of the whole line: every soft break asks for its neighbours' scalars.
    static func lastScalar(of node: OpaquePointer) -> Unicode.Scalar? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            guard let bytes = literalBytes(of: node), !bytes.isEmpty else { return nil }
            var start = bytes.count - 1
            while start > 0, bytes.count - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return decodeScalar(UnsafeBufferPointer(rebasing: bytes[start...]))
        default:
            return cmark_node_last_child(node).flatMap { lastScalar(of: $0) }
        }
    }

    static func firstScalar(of node: OpaquePointer) -> Unicode.Scalar? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            return literalBytes(of: node).flatMap(decodeScalar)
        default:
            return cmark_node_first_child(node).flatMap { firstScalar(of: $0) }
        }
    }

    private static func literalBytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8>? {
        cmark_node_get_literal(node).map { UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)) }
    }

    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
