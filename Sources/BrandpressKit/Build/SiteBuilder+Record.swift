import Foundation

extension SiteBuilder {
    /// What a build that published its output leaves for the next one to start from.
    struct Record {
        var model: SiteModel
        var markdownKeys: MarkdownCacheKeys
        /// Per handbook, the print view's entries.
        var printEntries: [[String: BuildCache.PrintEntry]]
        /// Of the pages, the copied files and the feeds.
        var outputs: [[String: BuildCache.OutputRecord]]
        var search: SearchState
        /// The generation of `search` as the build stored it in the search state's file; nil when it did not.
        var searchGeneration: UInt64?
        /// Stored in the cache folder for the next build, when made anew (nil: the stored ones still hold).
        var newPublications: BuildMemory.KeptPublications?
        /// The files the commit moved into the output, when it updated the previous output in place.
        var patch: OutputPatch?
        /// The output the build found and kept files of; with `patch`, the new output's listing is made from its listing.
        var previous: PreviousOutput?
        /// The warnings shown again when the next build finds nothing changed.
        var warnings: [Diagnostic]
        /// The Markdown files the site was read from, when it loaded without problems and may be
        /// kept in memory for the next build.
        var markdownFiles: [String]?
    }

    /// Keeps `record`: the build cache in its file, or in `memory` under `serve`; the fingerprint
    /// of the inputs and of the new output; under `serve` the site itself.
    static func keep(_ record: Record, check: ChangeCheck, layout: ProjectLayout, memory: inout BuildMemory.Kept?) {
        // The new output's listing and fingerprint are made while the build cache is written: from
        // the walk before the build and the files the patch moved in, or by walking the new tree.
        let patch = record.patch, previous = record.previous
        let patchedListing = BackgroundResult { patch.flatMap { previous?.listing.applying($0, root: layout.output.path) } }
        let outputHash = check.cacheFile == nil && check.fingerprint?.settled != true ? nil
            : BackgroundResult { patchedListing.wait()?.fingerprint ?? BuildFingerprint.output(of: layout.output) }
        let printEntries = record.printEntries, outputs = record.outputs, search = record.search
        if let cacheFile = check.cacheFile {
            if let publications = record.newPublications, let file = check.publicationsFile { publications.store(to: file) }
            BuildCache.Made(printViews: printEntries, outputs: outputs, search: search)
                .store(to: cacheFile, searchGeneration: record.searchGeneration) { outputHash?.wait() }
        } else if memory != nil {
            // Made after the report is out, while the browser reloads. The Markdown stays in the pages.
            let renderedPages = EarlierRenderings.RenderedPages(model: record.model, keys: record.markdownKeys.held)
            memory?.lastBuild = BackgroundResult {
                BuildMemory.LastBuild(cache: BuildCache.Made(printViews: printEntries, outputs: outputs, search: search).cache,
                                      outputListing: patchedListing.wait() ?? TreeListing.walk(layout.output.path), renderedPages: renderedPages)
            }
        }
        if let fingerprint = check.fingerprint, fingerprint.settled, let outputHash = outputHash?.wait() {
            BuildFingerprint(inputs: fingerprint.value, output: outputHash, warnings: record.warnings).store(for: layout)
        }
        if let markdownFiles = record.markdownFiles {
            memory?.site = BuildMemory.KeptSite(model: record.model, markdownFiles: markdownFiles, markdownKeys: record.markdownKeys.held)
        }
    }
}
