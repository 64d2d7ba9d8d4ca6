import Foundation

/// Turns link and image destinations written in `Content/` into URLs relative to the linking page.
public struct LinkResolver: Sendable {
    let pageOutputs: [String: Int]
    let pages: [String]
    let sectionOutputs: [String: String]
    let assetPaths: Set<String>
    let omittedDrafts: Set<String>

    public init(model: SiteModel) {
        pageOutputs = model.pageIndexByPath
        pages = model.pages.map(\.outputPath)
        sectionOutputs = model.sections.mapValues(\.outputPath)
        assetPaths = model.assetPaths
        omittedDrafts = model.omittedDrafts
    }

    /// True for destinations brandpress leaves alone: `https:`, `mailto:`, `#top`, `//host/…`.
    /// Read as UTF-8 bytes, like every search for ASCII marks here: a search by `Character` walks
    /// grapheme clusters, which for every link and image of 10,000 pages was milliseconds.
    static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        guard let first = bytes.first else { return true }
        if first == UInt8(ascii: "#") || bytes.starts(with: "//".utf8) { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let head = scheme.first, head.isASCIILetter else { return false }
        return scheme.allSatisfy { byte in
            byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    /// Splits `a/b.md#x` into the decoded, normalised content path and the fragment.
    func target(of destination: String, fromDirectory directory: String) -> (path: String, fragment: String?)? {
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = SitePath.percentDecode(String(rest[rest.utf8.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        var decoded = SitePath.percentDecode(String(rest))
        if decoded.utf8.contains(UInt8(ascii: "\\")) { decoded = decoded.replacingOccurrences(of: "\\", with: "/") }
        let joined = decoded.utf8.first == UInt8(ascii: "/") ? String(decoded.dropFirst()) : SitePath.join(directory, decoded)
        guard let normalized = SitePath.normalize(joined) else { return nil }
        return (normalized, fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Resolves one destination written in the page whose source is `sourcePath` and output `outputPath`.
    public func resolve(_ destination: String, sourcePath: String, outputPath: String) -> LinkResolution {
        let trimmed = destination.trimmingWhitespace()
        if Self.isExternal(trimmed) { return .keep }
        guard let (path, fragment) = target(of: trimmed, fromDirectory: SitePath.directory(of: sourcePath)) else {
            return .invalid("the link '\(destination)' leads outside Content/; only files inside Content/ can be linked")
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        if SitePath.isMarkdown(path) {
            guard let index = pageOutputs[path] else {
                if omittedDrafts.contains(path) {
                    return .invalid("the link '\(destination)' points to a draft page, which is left out of the site; publish it (remove `draft: true`) or remove the link")
                }
                return .invalid("the link '\(destination)' points to Content/\(path), which does not exist; check the file name (links are relative to this page, or to Content/ when they start with `/`)")
            }
            return .rewrite(SitePath.relativeURL(from: outputPath, to: pages[index]) + suffix)
        }
        if assetPaths.contains(path) {
            return .rewrite(SitePath.relativeURL(from: outputPath, to: SitePath.assetOutputPath(for: path)) + suffix)
        }
        if let section = sectionOutputs[path] {
            return .rewrite(SitePath.relativeURL(from: outputPath, to: section) + suffix)
        }
        return .invalid("the link '\(destination)' points to Content/\(path), which does not exist; check the file name (links are relative to this page, or to Content/ when they start with `/`)")
    }

    /// The page a link points to, when it points into a page of this site, and its `#fragment`;
    /// a bare `#fragment` points into the linking page itself.
    public func pageTarget(of destination: String, sourcePath: String) -> (page: Int, fragment: String?)? {
        let trimmed = destination.trimmingWhitespace()
        if trimmed.hasPrefix("#") {
            let fragment = SitePath.percentDecode(String(trimmed.dropFirst()))
            return pageOutputs[sourcePath].flatMap { fragment.isEmpty ? nil : ($0, fragment) }
        }
        guard !Self.isExternal(trimmed), let (path, fragment) = target(of: trimmed, fromDirectory: SitePath.directory(of: sourcePath)),
              let index = pageOutputs[path] else { return nil }
        return (index, fragment)
    }

    /// The file a front matter field (`logo`, `cover`) names, as a site path; nil when the field is
    /// empty or absent, and nil with an error naming the field and its line when the file cannot be used.
    func fileField(_ field: String, of page: Page, diagnostics: inout [Diagnostic]) -> String? {
        guard let value = page.frontMatter.string(field)?.trimmingWhitespace(andNewlines: true), !value.isEmpty else { return nil }
        func problem(_ message: String) -> String? {
            diagnostics.append(.error(message, file: page.displayPath, line: page.frontMatter.line(of: field)))
            return nil
        }
        if Self.isExternal(value) {
            return problem("'\(field)' must name a file inside Content/, not an address ('\(value)'): the site must work without a network")
        }
        guard let (path, _) = target(of: value, fromDirectory: SitePath.directory(of: page.path)) else {
            return problem("'\(field)' points outside Content/ ('\(value)'); put the file inside Content/ and name it relative to this page")
        }
        guard assetPaths.contains(path) else {
            return problem("'\(field)' names Content/\(path), which does not exist; check the file name (it is relative to this page)")
        }
        return SitePath.assetOutputPath(for: path)
    }
}
