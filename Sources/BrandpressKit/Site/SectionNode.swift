/// A folder of `Content/` that holds pages: a section, a publication or a chapter.
public struct SectionNode: Sendable {
    public enum Entry: Sendable, Hashable {
        case page(Int)
        case section(String)
    }

    /// Content-relative folder, `""` for the root.
    public var directory: String
    /// Index into the site's pages of this section's `_index.md`, if it has one.
    public var indexPage: Int?
    public var title: String
    /// Pages and sub-sections in reading order.
    public var entries: [Entry] = []
    /// The publication this section is, or belongs to.
    public var publication: PublicationKind?
    /// Folder of the section that set the publication kind.
    public var publicationDirectory: String?

    public var pages: [Int] {
        entries.compactMap { if case .page(let index) = $0 { index } else { nil } }
    }

    public var subsections: [String] {
        entries.compactMap { if case .section(let directory) = $0 { directory } else { nil } }
    }

    /// True for this section's own folder and every folder below it.
    public func contains(_ contentDirectory: String) -> Bool {
        contentDirectory == directory || contentDirectory.hasPrefix(directory + "/")
    }

    public var parent: String? {
        directory.isEmpty ? nil : SitePath.directory(of: directory)
    }

    /// Site path of the section's page, e.g. `handbook/basics/index.html`.
    public var outputPath: String {
        SitePath.join(SitePath.outputDirectory(for: directory), "index.html")
    }
}

extension SitePath {
    /// `handbook/01-basics` → `handbook/basics`.
    public static func outputDirectory(for contentDirectory: String) -> String {
        if hasOnlyPlainParts(contentDirectory, orderPrefixes: true) { return contentDirectory }
        return parts(of: contentDirectory).map { strippingOrderPrefix(String($0)) }.joined(separator: "/")
    }

    /// Where a copied file goes: its folders lose their order prefixes, its name stays.
    public static func assetOutputPath(for contentPath: String) -> String {
        join(outputDirectory(for: directory(of: contentPath)), fileName(of: contentPath))
    }
}
