import Foundation

/// Writing the rendered site into the staging folder.
extension SiteBuilder {
    static func writeSite(site: SiteContext, jobs: [RenderJob], templates: TemplateSet, templateForJob: [String], outputs: [String], folder: OutputFolder, injection: String?) throws -> Int {
        let directories = Set(outputs.map(SitePath.directory(of:)) + site.model.assets.map { SitePath.directory(of: SitePath.assetOutputPath(for: $0)) })
        for directory in directories.sorted() where !directory.isEmpty {
            try FileManager.default.createDirectory(at: folder.stagedURL(directory), withIntermediateDirectories: true)
        }
        let failures = ParallelMap.map(count: jobs.count) { index -> String? in
            let context = PageContextBuilder(site: site, job: jobs[index]).build()
            guard var html = templates.render(context, template: templateForJob[index]) else {
                return "template \(templateForJob[index]) could not be rendered"
            }
            if let injection {
                if let body = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: injection, at: body.lowerBound) } else { html += injection }
            }
            do {
                try FileWriting.write(html, to: folder.stagedURL(outputs[index]))
                return nil
            } catch {
                return "\(outputs[index]): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(message: failure) }
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
        let failures = ParallelMap.map(count: planned.count) { index -> String? in
            do {
                try FileManager.default.copyItem(at: planned[index].0, to: folder.stagedURL(planned[index].1))
                return nil
            } catch {
                return "\(planned[index].1): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(message: failure) }
        return copies.count
    }

    static func writeSearchIndex(_ files: [String: Data], folder: OutputFolder) throws {
        try FileManager.default.createDirectory(at: folder.stagedURL(SearchIndexFiles.folder), withIntermediateDirectories: true)
        let searchFiles = Array(files)
        let failures = ParallelMap.map(count: searchFiles.count) { index -> String? in
            do {
                try searchFiles[index].1.withUnsafeBytes { try FileWriting.write(bytes: $0.bindMemory(to: UInt8.self), path: folder.stagedURL(searchFiles[index].0).path) }
                return nil
            } catch {
                return "\(searchFiles[index].0): \(error.localizedDescription)"
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
