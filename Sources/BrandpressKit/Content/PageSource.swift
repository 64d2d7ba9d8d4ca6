import Foundation
import Synchronization

/// One Markdown file read from `Content/`: its front matter decoded, its body not yet rendered.
///
/// A file whose metadata is what it was when the last build read it is not read at all: its front
/// matter and digests come from `PageSourceCache`, and its body is read only if something asks for
/// it (its Markdown must be rendered again), which in a rebuild after one edit is almost never.
/// A body that was read is let go once the Markdown is rendered (`forgetBody`): 10,000 pages' text
/// is 28 MB that nothing needs while the pages are written.
public struct PageSource: Sendable {
    /// Content-relative path, e.g. `handbook/01-basics/02-meetings.md`.
    public var path: String
    /// Project-relative path for messages, e.g. `Content/handbook/01-basics/02-meetings.md`.
    public var displayPath: String { displayPrefix + path }
    public var frontMatter: FrontMatter
    /// The Markdown body, with the first `# heading` blanked out when it gave the title.
    public var body: String { loadedBody.text ?? bodyFromFile() }
    /// The title taken from the first `# heading`, when the front matter has none.
    public var headingTitle: String?
    /// The page's title: the front matter's, else its first heading's; nil when it has neither.
    public var title: String? { Self.frontMatterTitle(frontMatter) ?? headingTitle }
    public var bodyFirstLine: Int
    public var encoding: SourceEncoding
    /// Of the front matter's text: other pages show its fields, so the build cache watches it.
    var frontMatterDigest: UInt64
    /// Of the file's bytes, and where the body starts in the text: what `PageSourceCache` keeps.
    var fileDigest: UInt64 = 0
    var bodyOffset = 0
    /// Of `body`, which the rendered Markdown's cache key is made from.
    var bodyDigest: UInt64 = 0
    /// The metadata to recognise the file by next time; nil when it was too fresh to trust.
    var identity: FileIdentity?
    /// Empty when the file was not read or the body was let go; shared by every copy of the source.
    private(set) var loadedBody = LoadedBody()
    /// `Content/` for messages (`Content/`) and on disk, shared by every page: joined to `path` only
    /// when asked for (two new strings a page were 3 % of a one-page rebuild at 10,000 pages).
    private var displayPrefix: String
    private var contentFolder: String
    private var file: String { contentFolder + "/" + path }

    /// Reads, decodes and splits one file; the front matter is taken from `cached` when the file's
    /// bytes are the ones it was decoded from. Problems come back as diagnostics.
    public static func load(path: String, contentDirectory: URL, displayPrefix: String) -> (PageSource?, [Diagnostic]) {
        load(path: path, contentFolder: contentDirectory.path, displayPrefix: displayPrefix, cached: nil)
    }

    /// `identity` is the file's metadata from the scan of `Content/`: when `cached` was recorded
    /// with the same, the file is not read. An identity that is not settled before `trustedBefore`
    /// is not recorded for next time.
    /// `contentFolder` is the path of `Content/`.
    static func load(path: String, contentFolder: String, displayPrefix: String, cached: PageSourceCache.Entry?,
                     identity: FileIdentity? = nil, trustedBefore: Double = 0) -> (PageSource?, [Diagnostic]) {
        if let cached, let identity, cached.identity == identity {
            let source = PageSource(cached: cached, path: path, displayPrefix: displayPrefix, contentFolder: contentFolder)
            return (source, source.encodingWarnings)
        }
        let display = displayPrefix + path
        let file = contentFolder + "/" + path
        guard let bytes = FileReading.bytes(atPath: file) else {
            return (nil, [.error("cannot read this file; check that it exists and is readable", file: display)])
        }
        do {
            let fileDigest = bytes.withUnsafeBytes(StableHash.of(bytes:))
            let decoded = try TextDecoding.decode(bytes: bytes, path: display)
            var source: PageSource
            if let cached, cached.fileDigest == fileDigest, cached.bodyOffset <= decoded.text.utf8.count {
                // The same bytes as when the entry was made: everything but the metadata is as it says.
                source = PageSource(cached: cached, path: path, displayPrefix: displayPrefix, contentFolder: contentFolder)
                source.loadedBody = LoadedBody(source.body(in: decoded.text))
            } else {
                // Stops at the first visible character; trimmingCharacters copied the whole page through NSString.
                if decoded.text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) {
                    return (nil, [.error("this file is empty; write a page in it (at least a `# title`) or delete it", file: display)])
                }
                let parts = try FrontMatterSplitter.split(decoded.text, file: display)
                let matter = try parts.yaml.map { try FrontMatter.decode($0, file: display, firstLine: parts.yamlFirstLine) } ?? FrontMatter()
                source = PageSource(path: path, frontMatter: matter, bodyFirstLine: parts.bodyFirstLine,
                                    encoding: decoded.encoding, frontMatterDigest: StableHash.of(parts.yaml ?? ""),
                                    fileDigest: fileDigest, bodyOffset: decoded.text.utf8.count - parts.body.utf8.count,
                                    displayPrefix: displayPrefix, contentFolder: contentFolder)
                var body = parts.body
                if Self.frontMatterTitle(matter) == nil, let heading = TitleExtraction.firstHeading(in: parts.body) {
                    source.headingTitle = heading.title
                    body = heading.body
                }
                source.loadedBody = LoadedBody(body)
                source.bodyDigest = StableHash.of(body)
            }
            source.identity = identity.flatMap { $0.isSettled(before: trustedBefore) ? $0 : nil }
            return (source, source.encodingWarnings)
        } catch let failure as BuildFailure {
            return (nil, failure.diagnostics)
        } catch {
            return (nil, [.error("\(error)", file: display)])
        }
    }

    /// The front matter's `title:` without surrounding white space; nil when missing or blank.
    private static func frontMatterTitle(_ matter: FrontMatter) -> String? {
        guard let title = matter.title?.trimmingWhitespace(), !title.isEmpty else { return nil }
        return title
    }

    /// The same file as `entry` describes it: what the page-source cache held for it before.
    func described(by entry: PageSourceCache.Entry) -> PageSource {
        PageSource(cached: entry, path: path, displayPrefix: displayPrefix, contentFolder: contentFolder)
    }

    /// Lets the body that was read go, in this source and all its copies; `body` reads the file again if asked.
    func forgetBody() {
        loadedBody.forget()
    }

    private var encodingWarnings: [Diagnostic] {
        guard encoding == .gb18030 else { return [] }
        return [.warning("this file is saved as GB18030/GBK (\"ANSI\"), not UTF-8; it was read correctly, but save it as UTF-8 to be safe", file: displayPath)]
    }

    /// The body within the file's decoded text, without the heading that gave the title.
    private func body(in text: String) -> String {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: min(bodyOffset, text.utf8.count))
        let body = String(text[start...])
        guard headingTitle != nil, let heading = TitleExtraction.firstHeading(in: body) else { return body }
        return heading.body
    }

    /// Reads the body of a file that was not read, when it is asked for. The file had the bytes
    /// the cache describes when the build began; if it was changed since, its new metadata makes
    /// the next build read it again.
    private func bodyFromFile() -> String {
        guard let bytes = FileReading.bytes(atPath: file), let decoded = try? TextDecoding.decode(bytes: bytes, path: displayPath) else { return "" }
        return body(in: decoded.text)
    }

    /// The entry to record for this source when `cached`, the one it was loaded with, no longer
    /// describes it (its bytes or metadata changed); nil when `cached` still does.
    func cacheEntry(replacing cached: PageSourceCache.Entry?) -> PageSourceCache.Entry? {
        if let cached, cached.fileDigest == fileDigest, cached.identity == identity { return nil }
        return cacheEntry
    }

    var cacheEntry: PageSourceCache.Entry {
        PageSourceCache.Entry(fileDigest: fileDigest, frontMatter: frontMatter, bodyOffset: bodyOffset, bodyFirstLine: bodyFirstLine,
                              frontMatterDigest: frontMatterDigest, headingTitle: headingTitle, bodyDigest: bodyDigest,
                              encoding: encoding, identity: identity)
    }
}

// In an extension, so that the memberwise initialiser stays.
extension PageSource {
    /// A source described by a page-source cache entry, its body not read.
    fileprivate init(cached: PageSourceCache.Entry, path: String, displayPrefix: String, contentFolder: String) {
        self.init(path: path, frontMatter: cached.frontMatter, headingTitle: cached.headingTitle,
                  bodyFirstLine: cached.bodyFirstLine, encoding: cached.encoding, frontMatterDigest: cached.frontMatterDigest,
                  fileDigest: cached.fileDigest, bodyOffset: cached.bodyOffset, bodyDigest: cached.bodyDigest, identity: cached.identity,
                  displayPrefix: displayPrefix, contentFolder: contentFolder)
    }
}

/// The body a `PageSource` read, in a box its copies share, so that letting it go frees it.
final class LoadedBody: Sendable {
    private let storage: Mutex<String?>

    init(_ text: String? = nil) {
        storage = Mutex(text)
    }

    var text: String? { storage.withLock { $0 } }

    func forget() {
        storage.withLock { $0 = nil }
    }
}
