import Mustache

/// How templates escape `{{variables}}`: the replacements swift-mustache's HTML escaping makes, on
/// UTF-8 bytes. The library's own goes one grapheme cluster at a time, which with Chinese text was
/// the largest single cost of rendering pages. Every template starts with `pragma`, a line of its
/// own that the parser removes, because partials and parents start again from the library's default.
struct TemplateEscaping: MustacheContentType {
    static let name = "BRANDPRESS_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type (once) before templates naming it are parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
