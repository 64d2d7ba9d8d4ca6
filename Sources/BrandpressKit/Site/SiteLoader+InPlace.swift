import Foundation

extension SiteLoader {
    /// Brings the site loaded by the last build in this process up to date in place when the only
    /// change in `Content/` is to what some pages say, not to where they stand: the same files,
    /// the same `site.yml`, and every changed page with the `slug`, `draft`, `weight` and `kind`
    /// it had (its title, date, tags and other fields may change; a section page's title is its
    /// section's). Then the site's structure (the pages' paths and kinds, the sections and their
    /// order) cannot have changed, and making 10,000 pages, their sections and routes again is
    /// skipped. False when that cannot be told, or anything else changed (the pages may be partly
    /// updated then, and the caller loads the site anew). `model` must come from a load that
    /// reported no problem at all, with the Markdown files of `markdownFiles`.
    static func updatePages(of model: inout SiteModel, markdownFiles: [String], inventory: ContentInventory, sources: inout PageSourceCache,
                            layout: ProjectLayout, settleSeconds: Double) -> Bool {
        guard inventory.diagnostics.isEmpty, inventory.markdownFiles == markdownFiles, inventory.assetFiles == model.assets,
              configDigest(inventory: inventory, layout: layout) == model.configDigest else { return false }
        // A draft left out has no page to update.
        for draft in model.omittedDrafts where sources.entries[draft]?.identity != inventory.markdownIdentities[draft] { return false }
        let contentFolder = layout.content.path, contentDisplay = layout.display(layout.content) + "/"
        let trustedBefore = Date().timeIntervalSince1970 - settleSeconds
        for index in model.pages.indices {
            let path = model.pages[index].path
            let identity = inventory.markdownIdentities[path]
            guard let identity, model.pages[index].source.identity != identity else { continue }
            let entry = sources.entries[path]
            let (loaded, problems) = PageSource.load(path: path, contentFolder: contentFolder, displayPrefix: contentDisplay, cached: entry,
                                                     identity: identity, trustedBefore: trustedBefore)
            let old = model.pages[index].source
            guard let source = loaded, problems.isEmpty, let title = source.title else { return false }
            guard standsWhereItStood(source.frontMatter, old.frontMatter) else { return false }
            if let changed = source.cacheEntry(replacing: entry) { sources.set(changed, for: path) }
            model.pages[index].source = source
            model.pages[index].title = title
            if model.pages[index].isSectionIndex { model.sections[model.pages[index].sectionDirectory]?.title = title }
        }
        model.assetIdentities = inventory.assetIdentities
        return true
    }

    /// Whether front matter `new` leaves a page where `old` put it: the same file name in the
    /// output, the same place in its section's order (a section page: its section's place in the
    /// parent's), still in the site, and the same kind (a section page's makes its folder a
    /// publication).
    private static func standsWhereItStood(_ new: FrontMatter, _ old: FrontMatter) -> Bool {
        new.slug == old.slug && new.draft == old.draft && new.weight == old.weight && new.kind == old.kind
    }

    /// Of `site.yml`'s bytes, as `load` records it; nil when it cannot be read.
    private static func configDigest(inventory: ContentInventory, layout: ProjectLayout) -> UInt64? {
        guard inventory.hasConfig else { return 0 }
        return FileReading.bytes(atPath: layout.content.appendingPathComponent(SiteConfig.fileName).path)?.withUnsafeBytes(StableHash.of(bytes:))
    }
}
