import Foundation

/// One Markdown file read from `Content/`: its front matter decoded, its body not yet rendered.
public struct PageSource: Sendable {
    /// Content-relative path, e.g. `handbook/01-basics/02-meetings.md`.
    public var path: String
    /// Project-relative path for messages, e.g. `Content/handbook/01-basics/02-meetings.md`.
    public var displayPath: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyFirstLine: Int
    public var encoding: SourceEncoding
    /// Of the front matter's text: other pages show its fields, so the build cache watches it.
    var frontMatterDigest: UInt64
    /// Of the file's bytes, and where the body starts in the text: what `PageSourceCache` keeps.
    var fileDigest: UInt64 = 0
    var bodyOffset = 0

    /// Reads, decodes and splits one file; the front matter is taken from `cached` when the file's
    /// bytes are the ones it was decoded from. Problems come back as diagnostics.
    public static func load(path: String, contentDirectory: URL, displayPrefix: String) -> (PageSource?, [Diagnostic]) {
        load(path: path, contentDirectory: contentDirectory, displayPrefix: displayPrefix, cached: nil)
    }

    static func load(path: String, contentDirectory: URL, displayPrefix: String, cached: PageSourceCache.Entry?) -> (PageSource?, [Diagnostic]) {
        let display = displayPrefix + path
        guard let bytes = FileReading.bytes(atPath: contentDirectory.path + "/" + path) else {
            return (nil, [.error("cannot read this file; check that it exists and is readable", file: display)])
        }
        do {
            var warnings: [Diagnostic] = []
            let fileDigest = bytes.withUnsafeBytes(StableHash.of(bytes:))
            let decoded = try TextDecoding.decode(bytes: bytes, path: display)
            if decoded.encoding == .gb18030 {
                warnings.append(.warning("this file is saved as GB18030/GBK (\"ANSI\"), not UTF-8; it was read correctly, but save it as UTF-8 to be safe", file: display))
            }
            if let cached, cached.fileDigest == fileDigest, cached.bodyOffset <= decoded.text.utf8.count {
                let bodyStart = decoded.text.utf8.index(decoded.text.utf8.startIndex, offsetBy: cached.bodyOffset)
                let source = PageSource(path: path, displayPath: display, frontMatter: cached.frontMatter, body: String(decoded.text[bodyStart...]),
                                        bodyFirstLine: cached.bodyFirstLine, encoding: decoded.encoding,
                                        frontMatterDigest: cached.frontMatterDigest, fileDigest: fileDigest, bodyOffset: cached.bodyOffset)
                return (source, warnings)
            }
            // Stops at the first visible character; trimmingCharacters copied the whole page through NSString.
            if decoded.text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) {
                return (nil, warnings + [.error("this file is empty; write a page in it (at least a `# title`) or delete it", file: display)])
            }
            let parts = try FrontMatterSplitter.split(decoded.text, file: display)
            let matter = try parts.yaml.map { try FrontMatter.decode($0, file: display, firstLine: parts.yamlFirstLine) } ?? FrontMatter()
            let source = PageSource(path: path, displayPath: display, frontMatter: matter, body: parts.body, bodyFirstLine: parts.bodyFirstLine,
                                    encoding: decoded.encoding, frontMatterDigest: StableHash.of(parts.yaml ?? ""),
                                    fileDigest: fileDigest, bodyOffset: decoded.text.utf8.count - parts.body.utf8.count)
            return (source, warnings)
        } catch let failure as BuildFailure {
            return (nil, failure.diagnostics)
        } catch {
            return (nil, [.error("\(error)", file: display)])
        }
    }

    var cacheEntry: PageSourceCache.Entry {
        PageSourceCache.Entry(fileDigest: fileDigest, frontMatter: frontMatter, bodyOffset: bodyOffset,
                              bodyFirstLine: bodyFirstLine, frontMatterDigest: frontMatterDigest)
    }
}
