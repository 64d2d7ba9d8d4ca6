/// Everything read from `Content/`, before templates: pages, sections, files to copy.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var sections: [String: SectionNode]
    /// Content-relative paths of files copied as they are.
    public var assets: [String]
    public var pageIndexByPath: [String: Int]
    public var assetPaths: Set<String>
    /// Content paths of draft pages left out of this build, for clearer link errors.
    public var omittedDrafts: Set<String>
    /// Of `site.yml`'s bytes, for the build cache.
    var configDigest: UInt64 = 0
    /// The metadata of `assets` when `Content/` was scanned: a file with the metadata recorded
    /// when it was last copied is not read again (`AssetCache`).
    var assetIdentities: [String: FileIdentity] = [:]

    public var root: SectionNode? { sections[""] }

    /// Top-level sections in reading order: the site's main navigation.
    public var topSections: [SectionNode] {
        (root?.subsections ?? []).compactMap { sections[$0] }
    }

    public func section(of page: Page) -> SectionNode? {
        sections[page.sectionDirectory]
    }


    /// Pages of a section and its sub-sections in reading order, sub-section index pages included.
    public func readingOrder(of directory: String) -> [Int] {
        guard let section = sections[directory] else { return [] }
        var order: [Int] = []
        for entry in section.entries {
            switch entry {
            case .page(let index): order.append(index)
            case .section(let child):
                if let index = sections[child]?.indexPage { order.append(index) }
                order += readingOrder(of: child)
            }
        }
        return order
    }
}
