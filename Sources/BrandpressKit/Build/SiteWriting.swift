import Foundation

/// Writing the rendered site into the staging folder.
extension SiteBuilder {
    /// What was written: per output file what it was made from, for the build cache, and the
    /// files kept unchanged from the previous output (not written into the staging folder).
    struct Written {
        var records: [String: BuildCache.OutputRecord] = [:]
        var kept: [String] = []
        /// How many files were written into the new output (the others were kept).
        var writtenCount = 0
    }

    static func writeSite(site: SiteContext, jobs: [RenderJob], keys: [UInt64], templates: TemplateSet, templateForJob: [String], outputs: [String],
                          folder: OutputFolder, injection: String?, previous: PreviousOutput?) throws -> Written {
        @Sendable func write(_ index: Int) throws -> (BuildCache.OutputRecord?, Bool) {
            if let record = previous?.keeps(outputs[index], key: keys[index]) { return (record, true) }
            let context = PageContextBuilder(site: site, job: jobs[index]).build()
            let digest = TemplateInputDigest.of(context, template: templateForJob[index], templates: templates.digest(for: templateForJob[index]), injection: injection)
            let record = digest.map { BuildCache.OutputRecord(key: keys[index], digest: $0) }
            if previous?.keeps(outputs[index], digest: digest) == true { return (record, true) }
            guard var html = templates.render(context, template: templateForJob[index]) else {
                throw WriteError(message: "template \(templateForJob[index]) could not be rendered")
            }
            if let injection {
                if let body = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: injection, at: body.lowerBound) } else { html += injection }
            }
            try folder.writeStaged(html, to: outputs[index])
            return (record, false)
        }
        // The pages that share story cards first, on their own: the story entries and cards they share
        // are let go of before the other pages are made, so that they do not add to the build's peak memory.
        let sharingJobs = jobs.indices.filter { jobs[$0].sharesStoryCards }, otherJobs = jobs.indices.filter { !jobs[$0].sharesStoryCards }
        var results = [(BuildCache.OutputRecord?, Bool)](repeating: (nil, false), count: jobs.count)
        func writeAll(_ indices: [Int]) throws {
            let made = try writeInParallel(count: indices.count, naming: { outputs[indices[$0]] }) { try write(indices[$0]) }
            for (index, result) in zip(indices, made) { results[index] = result }
        }
        try writeAll(sharingJobs)
        site.fragments.forgetStoryEntries()
        try writeAll(otherJobs)
        return written(outputs, results)
    }

    static func written(_ paths: [String], _ results: [(BuildCache.OutputRecord?, Bool)]) -> Written {
        var written = Written()
        written.records.reserveCapacity(paths.count)
        for (path, (record, kept)) in zip(paths, results) {
            if let record { written.records[path] = record }
            if kept { written.kept.append(path) } else { written.writtenCount += 1 }
        }
        return written
    }

    /// Copies `Content/`'s files and the theme's. A file of `Content/` whose metadata `assets`
    /// recorded, and whose copy the previous output keeps, is not read; metadata that changed after
    /// `trustedBefore` is not recorded. Returns what to record for next time.
    static func copyFiles(model: SiteModel, layout: ProjectLayout, folder: OutputFolder, previous: PreviousOutput?,
                          assets: AssetCache, trustedBefore: Double) throws -> (Written, AssetCache) {
        // Source paths as text: a URL per file (2,000 at 10,000 pages) cost a one-page rebuild milliseconds.
        let contentFolder = layout.content.path + "/"
        var copies: [(source: String, sitePath: String, contentPath: String?)] = model.assets.map {
            (contentFolder + $0, SitePath.assetOutputPath(for: $0), $0)
        }
        let themeAssets = layout.templates.appendingPathComponent(TemplateSet.assetFolder)
        if let enumerator = FileManager.default.enumerator(atPath: themeAssets.path) {
            while let relative = enumerator.nextObject() as? String {
                let source = themeAssets.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if SitePath.fileName(of: relative).hasPrefix(".") { continue }
                if FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    try FileManager.default.createDirectory(at: folder.stagedURL("assets/" + relative), withIntermediateDirectories: true)
                } else {
                    copies.append((source.path, "assets/" + relative, nil))
                }
            }
            try FileManager.default.createDirectory(at: folder.stagedURL("assets"), withIntermediateDirectories: true)
        }
        let planned = copies
        let results = try writeInParallel(count: planned.count, naming: { planned[$0].sitePath }) { index -> (BuildCache.OutputRecord?, Bool, AssetCache.Entry?) in
            let (source, sitePath, contentPath) = planned[index]
            let identity = contentPath.flatMap { model.assetIdentities[$0] }
            if let identity, let entry = contentPath.flatMap({ assets.entries[$0] }), entry.identity == identity,
               previous?.keeps(sitePath, digest: entry.digest) == true {
                return (BuildCache.OutputRecord(key: entry.digest, digest: entry.digest), true, entry)
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
            let digest = bytes.withUnsafeBytes(StableHash.of(bytes:))
            let record = BuildCache.OutputRecord(key: digest, digest: digest)
            let entry = identity.flatMap { $0.isSettled(before: trustedBefore) ? AssetCache.Entry(identity: $0, digest: digest) : nil }
            if previous?.keeps(sitePath, digest: digest) == true { return (record, true, entry) }
            try bytes.withUnsafeBytes { try folder.writeStaged(bytes: $0.bindMemory(to: UInt8.self), to: sitePath) }
            return (record, false, entry)
        }
        var recorded = AssetCache()
        for (copy, result) in zip(planned, results) {
            if let contentPath = copy.contentPath, let entry = result.2 { recorded.entries[contentPath] = entry }
        }
        return (written(planned.map(\.sitePath), results.map { ($0.0, $0.1) }), recorded)
    }

    /// The search build wrote its changed files already; the files it kept are taken from the
    /// previous output, which must hold them all. Returns the kept files and how many were written.
    static func writeSearchIndex(_ search: SearchBuild, model: SiteModel, folder: OutputFolder,
                                 previous: PreviousOutput?) throws -> (kept: [String], writtenCount: Int) {
        if let failure = search.failure { throw failure }
        if search.kept.isEmpty || previous?.keeps(all: search.kept) == true { return (search.kept, search.written.count) }
        // The previous output lacks some of them: make the whole index again.
        let files = Array(SearchIndexFiles(model: model).files)
        try writeInParallel(count: files.count, naming: { files[$0].0 }) { index in
            try files[index].1.withUnsafeBytes { try folder.writeStaged(bytes: $0.bindMemory(to: UInt8.self), to: files[index].0) }
        }
        return ([], files.count)
    }

    /// Runs `write` for every index on all cores; the first failure, named by `naming`, is thrown
    /// once all have run. A `WriteError` is thrown as it is.
    @discardableResult
    static func writeInParallel<Result: Sendable>(count: Int, naming: @Sendable (Int) -> String, _ write: @Sendable (Int) throws -> Result) throws -> [Result] {
        let results = ParallelMap.map(count: count) { index -> Swift.Result<Result, WriteError> in
            do {
                return .success(try write(index))
            } catch let error as WriteError {
                return .failure(error)
            } catch {
                return .failure(WriteError(message: "\(naming(index)): \(error.localizedDescription)"))
            }
        }
        return try results.map { try $0.get() }
    }

    /// The stories' Atom feeds and the sitemap, when `base_url` is set. The previous output's copy
    /// is kept when its bytes would be the same; the sitemap's (10,000 addresses) is not even made
    /// when the pages' paths are the ones it was made from.
    static func writeFeeds(site: SiteContext, outputs: [String], folder: OutputFolder, previous: PreviousOutput?) throws -> Written {
        guard let baseURL = site.model.config.baseURL else { return Written() }
        var written = Written()
        func write(_ text: String, to sitePath: String, key: UInt64? = nil) throws {
            let digest = StableHash.of(text)
            written.records[sitePath] = BuildCache.OutputRecord(key: key ?? digest, digest: digest)
            if previous?.keeps(sitePath, digest: digest) == true {
                written.kept.append(sitePath)
            } else {
                try folder.writeStaged(text, to: sitePath)
                written.writtenCount += 1
            }
        }
        for stories in site.publications.stories {
            try write(Feeds.atom(stories, model: site.model, baseURL: baseURL), to: stories.feedPath)
        }
        let listed = outputs.filter { $0 != "404.html" && $0 != "search.html" }
        var hash = StableHash()
        hash.add(baseURL)
        for path in listed { hash.add(path) }
        if let record = previous?.keeps(Feeds.sitemapPath, key: hash.value) {
            written.records[Feeds.sitemapPath] = record
            written.kept.append(Feeds.sitemapPath)
        } else {
            try write(Feeds.sitemap(paths: listed, baseURL: baseURL), to: Feeds.sitemapPath, key: hash.value)
        }
        return written
    }
}

struct WriteError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
