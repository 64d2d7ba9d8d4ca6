import Foundation

/// Writing the rendered site into the staging folder.
extension SiteBuilder {
    static func writeSite(site: SiteContext, jobs: [RenderJob], templates: TemplateSet, templateForJob: [String], outputs: [String], folder: OutputFolder, injection: String?) throws -> Int {
        let directories = Set(outputs.map(SitePath.directory(of:)) + site.model.assets.map { SitePath.directory(of: SitePath.assetOutputPath(for: $0)) })
        for directory in directories.sorted() where !directory.isEmpty {
            try FileManager.default.createDirectory(at: folder.stagedURL(directory), withIntermediateDirectories: true)
        }
        try writeInParallel(count: jobs.count, naming: { outputs[$0] }) { index in
            let context = PageContextBuilder(site: site, job: jobs[index]).build()
            guard var html = templates.render(context, template: templateForJob[index]) else {
                throw WriteError(message: "template \(templateForJob[index]) could not be rendered")
            }
            if let injection {
                if let body = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: injection, at: body.lowerBound) } else { html += injection }
            }
            try FileWriting.write(html, to: folder.stagedURL(outputs[index]))
        }
        return jobs.count
    }

    static func copyFiles(model: SiteModel, layout: ProjectLayout, folder: OutputFolder) throws -> Int {
        var copies = model.assets.map { (layout.content.appendingPathComponent($0), SitePath.assetOutputPath(for: $0)) }
        let themeAssets = layout.templates.appendingPathComponent(TemplateSet.assetFolder)
        if let enumerator = FileManager.default.enumerator(atPath: themeAssets.path) {
            while let relative = enumerator.nextObject() as? String {
                let source = themeAssets.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if SitePath.fileName(of: relative).hasPrefix(".") { continue }
                if FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    try FileManager.default.createDirectory(at: folder.stagedURL("assets/" + relative), withIntermediateDirectories: true)
                } else {
                    copies.append((source, "assets/" + relative))
                }
            }
            try FileManager.default.createDirectory(at: folder.stagedURL("assets"), withIntermediateDirectories: true)
        }
        let planned = copies
        try writeInParallel(count: planned.count, naming: { planned[$0].1 }) { index in
            try FileManager.default.copyItem(at: planned[index].0, to: folder.stagedURL(planned[index].1))
        }
        return copies.count
    }

    static func writeSearchIndex(_ files: [String: Data], folder: OutputFolder) throws {
        try FileManager.default.createDirectory(at: folder.stagedURL(SearchIndexFiles.folder), withIntermediateDirectories: true)
        let searchFiles = Array(files)
        try writeInParallel(count: searchFiles.count, naming: { searchFiles[$0].0 }) { index in
            try searchFiles[index].1.withUnsafeBytes { try FileWriting.write(bytes: $0.bindMemory(to: UInt8.self), path: folder.stagedURL(searchFiles[index].0).path) }
        }
    }

    /// Runs `write` for every index on all cores; the first failure, named by `naming`, is thrown
    /// once all have run. A `WriteError` is thrown as it is.
    static func writeInParallel(count: Int, naming: @Sendable (Int) -> String, _ write: @Sendable (Int) throws -> Void) throws {
        let failures = ParallelMap.map(count: count) { index -> String? in
            do {
                try write(index)
                return nil
            } catch let error as WriteError {
                return error.message
            } catch {
                return "\(naming(index)): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(message: failure) }
    }

    static func writeFeeds(site: SiteContext, outputs: [String], folder: OutputFolder) throws {
        guard let baseURL = site.model.config.baseURL else { return }
        for stories in site.publications.stories {
            try FileWriting.write(Feeds.atom(stories, model: site.model, baseURL: baseURL), to: folder.stagedURL(stories.feedPath))
        }
        let listed = outputs.filter { $0 != "404.html" && $0 != "search.html" }
        try FileWriting.write(Feeds.sitemap(paths: listed, baseURL: baseURL), to: folder.stagedURL("sitemap.xml"))
    }
}

struct WriteError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
