import Foundation
import Testing
@testable import BrandpressKit

@Suite struct BuildFingerprintTests {
    /// Files changed within the last second are "racily clean"; the test lets the clock move on.
    static func settle() { sleep(2) }

    @Test func anUnchangedRebuildLeavesTheOutputAloneAndAnyChangeRebuilds() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        Self.settle()
        let first = project.build()
        #expect(first.succeeded && !first.upToDate)
        let before = project.tree()

        let second = project.build()
        #expect(second.succeeded && second.upToDate)
        #expect(second.summary.hasPrefix("nothing changed since the last build"))
        #expect(project.tree() == before)

        // A changed page rebuilds, and the result is what a build from scratch gives.
        try project.write("Content/handbook/01-zongze/01-mudi.md", "---\ntitle: 目的（修订）\n---\n正文。\n")
        let third = project.build()
        #expect(third.succeeded && !third.upToDate)
        #expect(project.output("handbook/zongze/mudi.html")?.contains("目的（修订）") == true)

        // Other options rebuild.
        #expect(!project.build(drafts: true).upToDate)
    }

    /// The walk hashes every entry by its path as well as its metadata: a renamed folder changes
    /// no file's metadata, only the paths below it.
    @Test func aRenamedFolderChangesTheTreesHash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bp-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("一".utf8).write(to: folder.appendingPathComponent("a/b/page.md"))
        try Data("二".utf8).write(to: folder.appendingPathComponent("a/top.md"))
        func hash() -> UInt64 {
            var hash = MetadataHash()
            let walked = hash.addTree(folder.path)
            #expect(walked)
            return hash.value
        }
        let before = hash()
        #expect(hash() == before)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("a/b"), to: folder.appendingPathComponent("a/c"))
        let renamed = hash()
        #expect(renamed != before)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a/d"), withIntermediateDirectories: false)
        #expect(hash() != renamed)
    }

    /// Content kept elsewhere and linked in as `Content/` is walked through the link; a link
    /// further down still makes the build do everything.
    @Test func aLinkedContentFolderIsFingerprintedThroughTheLink() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        let content = project.root.appendingPathComponent("Content")
        let elsewhere = project.root.appendingPathComponent("Elsewhere")
        try FileManager.default.moveItem(at: content, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: content, withDestinationURL: elsewhere)
        Self.settle()
        #expect(project.build().succeeded)
        #expect(project.build().upToDate)
        try FileManager.default.createSymbolicLink(at: elsewhere.appendingPathComponent("handbook/01-zongze/09-link.md"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("handbook/01-zongze/01-mudi.md"))
        Self.settle()
        #expect(project.build().succeeded)
        #expect(!project.build().upToDate)
    }

    @Test func aTouchedOrDeletedOutputFileRebuilds() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        Self.settle()
        #expect(project.build().succeeded)
        #expect(project.build().upToDate)
        try project.remove("Output/handbook/zongze/mudi.html")
        let report = project.build()
        #expect(!report.upToDate)
        #expect(project.exists("Output/handbook/zongze/mudi.html"))
        #expect(project.build().upToDate)
    }

    /// A one-page edit of a larger site is published by patching the output in place, and the
    /// fingerprint that build records (made without walking the output again) lets the next build
    /// see that nothing changed.
    @Test func aBuildThatPatchedTheOutputIsRecognisedAsUpToDate() throws {
        var files = BuildPipelineTests.basicSite
        for number in 1...120 { files["Content/notes/\(number).md"] = "# 第\(number)篇\n\n正文。\n" }
        let project = try TemporaryProject(files)
        Self.settle()
        #expect(project.build().succeeded)
        #expect(project.build().upToDate)
        let output = project.root.appendingPathComponent("Output").path
        let folderBefore = try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int
        try project.write("Content/notes/7.md", "# 第七篇\n\n改过的正文。\n")
        Self.settle()
        let edited = project.build()
        #expect(edited.succeeded && !edited.upToDate)
        #expect(project.output("notes/7.html")?.contains("改过的正文") == true)
        // Patched in place: the folder itself was not swapped for a new one.
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int == folderBefore)
        #expect(project.build().upToDate)
    }

    @Test func warningsOfTheBuildThatWroteTheOutputAreShownAgain() throws {
        var files = BuildPipelineTests.basicSite
        files["Content/a.md"] = "# A\n\n[x](handbook/01-zongze/01-mudi.md#没有)\n"
        let project = try TemporaryProject(files)
        Self.settle()
        let first = project.build()
        let second = project.build()
        #expect(second.upToDate)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.count == 1)
    }

    @Test func freshlyChangedInputsAreNotTrusted() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        #expect(project.build().succeeded)
        #expect(!project.build().upToDate)
    }
}

@Suite struct RebuildEqualsFullBuildTests {
    /// After every step of edits, additions, deletions, template and config changes, a rebuild in
    /// place (which may skip work) gives exactly the tree a build from scratch gives: with the
    /// caches in files (`build`), and kept in memory between builds (`serve`).
    @Test(arguments: [false, true])
    func everyRebuildMatchesAFullBuild(keptInMemory: Bool) throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        let memory = keptInMemory ? BuildMemory() : nil
        func rebuild() -> BuildReport {
            usleep(60_000)
            return SiteBuilder.build(Self.rebuildOptions(project, memory: memory, settleSeconds: 0.05))
        }
        func fromScratch() throws -> [String: Data] {
            try Self.fromScratch(project)
        }
        let steps: [(String, () throws -> Void)] = [
            ("first build", {}),
            ("nothing changed", {}),
            ("edit a page", { try project.write("Content/handbook/01-zongze/02-fanwei.md", "---\ntitle: 适用范围（新）\n---\n## 对象\n\n全体党员。\n") }),
            ("add a page", { try project.write("Content/handbook/01-zongze/03-yuanze.md", "# 原则\n\n同心向党。\n") }),
            ("nothing changed again", {}),
            ("delete a page", { try project.remove("Content/handbook/01-zongze/03-yuanze.md") }),
            ("add pages in new folders", {
                try project.write("Content/handbook/02-xinzhang/01-kaishi.md", "# 开始\n\n新的一章。\n")
                try project.write("Content/handbook/02-xinzhang/fulu/01-biao.md", "# 附表\n\n附录。\n")
            }),
            ("edit a page in a new folder", { try project.write("Content/handbook/02-xinzhang/fulu/01-biao.md", "# 附表\n\n附录，已修订。\n") }),
            ("delete the new folders", { try project.remove("Content/handbook/02-xinzhang") }),
            ("edit a template", { try project.write("Templates/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}<p>新模板</p>{{/main}}{{/base}}") }),
            ("edit the config", { try project.write("Content/site.yml", "title: 改名的站点\n") }),
            ("touch an asset, same bytes", { try project.write("Content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>") }),
            ("nothing changed at the end", {}),
        ]
        var skipped = 0
        for (name, change) in steps {
            try change()
            let report = rebuild()
            #expect(report.succeeded, "\(name)")
            if report.upToDate { skipped += 1 }
            #expect(project.tree() == (try fromScratch()), "after: \(name)")
            #expect(project.folders() == project.folders("Scratch"), "after: \(name)")
        }
        #expect(skipped == 3, "the three steps that change nothing leave the output alone")
    }

    /// A template edit remakes the pages made with that template or a partial it uses, a story's
    /// title the pages that show it, and every other page is linked unchanged; each rebuild still
    /// equals a full build.
    @Test func anEditRemakesOnlyThePagesThatShowIt() throws {
        let project = try TemporaryProject.copyOfTheSample()
        let watched = ["brand": "Output/booklet/caijue-tezhan.html", "story": "Output/stories/2022-03-zhang-tiejun.html",
                       "handbook": "Output/handbook/zongze/fanwei.html", "stories index": "Output/stories/index.html"]
        func inodes() throws -> [String: Int] {
            try watched.mapValues { path in
                let attributes = try FileManager.default.attributesOfItem(atPath: project.root.appendingPathComponent(path).path)
                return try #require(attributes[.systemFileNumber] as? Int)
            }
        }
        func rebuild(after change: () throws -> Void) throws -> Set<String> {
            let before = try inodes()
            try change()
            usleep(20_000)
            var options = BuildOptions(root: project.root, output: project.root.appendingPathComponent("Output"))
            options.settleSeconds = 0.01
            #expect(SiteBuilder.build(options).succeeded)
            #expect(project.tree() == (try Self.fromScratch(project)))
            #expect(project.folders() == project.folders("Scratch"))
            let after = try inodes()
            return Set(watched.keys.filter { before[$0] != after[$0] })
        }
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = project.root.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(project.build().succeeded)
        #expect(try rebuild { try edit("Templates/story.mustache") { $0.replacingOccurrences(of: "返回榜样故事", with: "返回全部故事") } } == ["story"])
        #expect(try rebuild { try edit("Templates/partials/story-card.mustache") { $0 + "\n" } } == ["stories index"])
        // brandpress renders these partials into variables itself: the pages whose templates name the variable depend on them.
        #expect(try rebuild { try edit("Templates/partials/book-toc-chapter.mustache") { $0.replacingOccurrences(of: "<li class=", with: "<li data-x class=") } }
                == ["handbook"])
        #expect(try rebuild { try edit("Templates/partials/term-chips.mustache") { $0.replacingOccurrences(of: "<li>", with: "<li class=\"chip\">") } }
                == ["stories index"])
        #expect(try rebuild { try edit("Templates/partials/site-footer.mustache") { $0.replacingOccurrences(of: "footer-org", with: "footer-unit") } }
                == Set(watched.keys))
        #expect(try rebuild { try edit("Templates/base.mustache") { $0.replacingOccurrences(of: "跳到正文", with: "跳到正文内容") } } == Set(watched.keys))
        // The oldest story is on the last index page, the newest published one on the first (the
        // section's `_index.md`); a draft's title shows nowhere.
        #expect(try rebuild { try edit("Content/stories/2022-03-zhang-tiejun.md") { $0.replacingOccurrences(of: "title: 张铁军", with: "title: 张铁军同志") } }
                == ["story"])
        #expect(try rebuild { try edit("Content/stories/2025-06-tian-hao.md") { $0.replacingOccurrences(of: "title: 田浩", with: "title: 田浩同志") } }
                == ["stories index"])
        #expect(try rebuild { try edit("Content/stories/2025-09-luo-gang.md") { $0.replacingOccurrences(of: "title: 罗刚", with: "title: 罗刚同志") } }
                == [])
    }

    /// The search state a build stores beside the pages is of the generation the build cache it
    /// leaves records, so the next build patches the index instead of making it anew: after a first
    /// build, and after one that appended a block.
    @Test func theSearchStateStoredIsTheOneTheCacheRecords() throws {
        let project = try TemporaryProject.copyOfTheSample()
        let options = Self.rebuildOptions(project, memory: nil, settleSeconds: 0.01)
        let output = project.root.appendingPathComponent("Output"), folder = try #require(options.cacheFolder)
        func searchState() throws -> SearchState {
            let cache = try #require(BuildCache.load(from: BuildCache.file(in: folder, output: output),
                                                     searchFile: SearchStateLog.file(in: folder, output: output)))
            return try #require(cache.searchFromFile?.state)
        }
        #expect(SiteBuilder.build(options).succeeded)
        let first = try searchState()
        let story = "Content/stories/2022-03-zhang-tiejun.md"
        let text = try String(contentsOf: project.root.appendingPathComponent(story), encoding: .utf8)
        try project.write(story, text + "\n新的一段话 zqxwvtoken。\n")
        usleep(20_000)
        #expect(SiteBuilder.build(options).succeeded)
        let second = try searchState()
        #expect(second.documentDigests != first.documentDigests)
        #expect(second.tokens.contains("zqxwvtoken") && !first.tokens.contains("zqxwvtoken"))
    }

    /// A new story shows on the index and the lists and beside its neighbour: only their keys are
    /// new. The booklet's and handbook's pages and the other stories keep theirs, so their
    /// variables are not even built (a page whose key changed is built and compared first).
    @Test func aNewStoryLeavesTheKeysOfPagesThatDoNotShowItAsTheyWere() throws {
        let project = try TemporaryProject.copyOfTheSample()
        let options = Self.rebuildOptions(project, memory: nil, settleSeconds: 0.01)
        let cacheFile = BuildCache.file(in: try #require(options.cacheFolder), output: project.root.appendingPathComponent("Output"))
        func keys() throws -> [String: UInt64] {
            try #require(BuildCache.load(from: cacheFile)).outputs.filter { $0.key.hasSuffix(".html") }.mapValues(\.key)
        }
        #expect(SiteBuilder.build(options).succeeded)
        let before = try keys()
        // The newest story: after every other in the stories' order, before all of them in the index.
        try project.write("Content/stories/2026-05-xin-bangyang.md",
                          "---\ntitle: 新的榜样\ndate: 2026-05-01\nunit: 综采一区党支部\ntags: [安全生产]\n---\n\n新的一篇。\n")
        usleep(20_000)
        #expect(SiteBuilder.build(options).succeeded)
        let after = try keys()
        let changed = Set(before.keys.filter { after[$0] != before[$0] })
        let newestBefore = "stories/2025-06-tian-hao.html"
        #expect(changed.contains(newestBefore), "its neighbour links to it")
        #expect(changed.contains("stories/index.html"))
        #expect(changed.contains { $0.hasPrefix("stories/units/") } && changed.contains { $0.hasPrefix("stories/tags/") })
        // The print view lists nothing of the stories but is keyed by the whole site.
        let kept = before.keys.filter {
            $0.hasPrefix("booklet/") || ($0.hasPrefix("handbook/") && $0 != "handbook/print.html") || ($0.hasPrefix("stories/20") && $0 != newestBefore)
        }
        #expect(kept.count > 50)
        #expect(changed.intersection(kept).sorted() == [], "pages that do not show the new story were keyed anew")
    }

    /// A build into `Output/`, with its caches in `memory` when given, else in the project's cache folder.
    static func rebuildOptions(_ project: TemporaryProject, memory: BuildMemory?, settleSeconds: Double) -> BuildOptions {
        var options = BuildOptions(root: project.root, output: project.root.appendingPathComponent("Output"))
        options.settleSeconds = settleSeconds
        if let memory {
            options.memory = memory
            options.cacheFolder = nil
        }
        return options
    }

    /// A build into `Scratch/` that reads and writes no cache.
    static func fromScratch(_ project: TemporaryProject) throws -> [String: Data] {
        let output = project.root.appendingPathComponent("Scratch")
        try? FileManager.default.removeItem(at: output)
        var options = BuildOptions(root: project.root, output: output)
        options.cacheFolder = nil
        #expect(SiteBuilder.build(options).succeeded)
        return project.tree("Scratch")
    }

    /// The same over a copy of the real sample and its theme, with a change aimed at each thing
    /// a page can show of another: a body shown on another page (the stories index's text on its
    /// later pages, handbook pages in the print view), titles in neighbours and lists, summaries,
    /// front matter shown in cards, the order of a book, a copied picture, the theme.
    @Test(arguments: [false, true])
    func everyRebuildOfTheSampleMatchesAFullBuild(keptInMemory: Bool) throws {
        let memory = keptInMemory ? BuildMemory() : nil
        let project = try TemporaryProject.copyOfTheSample()
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = project.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the step changes \(path)")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
        let steps: [(String, () throws -> Void)] = [
            ("first build", {}),
            ("a story's body", { try edit("Content/stories/2024-05-zhou-yan.md") { $0 + "\n补记：本文于年底修订。\n" } }),
            ("the theme shows the stories index's text on every page of the index", {
                try edit("Templates/stories.mustache") { $0.replacingOccurrences(of: "<p class=\"lead\">{{page.summary}}</p>", with: "<p class=\"lead\">{{page.summary}}</p>{{{page.content}}}") }
            }),
            ("the stories index's text", {
                try edit("Content/stories/_index.md") { $0.replacingOccurrences(of: "榜样不在远方", with: "榜样从来不在远方") }
            }),
            ("a handbook section's body, shown in the print view", {
                try edit("Content/handbook/01-zongze/02-fanwei.md") { $0 + "\n本条自发布之日起施行。\n" }
            }),
            ("a story's title, shown by its neighbours, lists and tags", {
                try edit("Content/stories/2023-04-sun-dahai.md") { $0.replacingOccurrences(of: "title: ", with: "title: 【修订】") }
            }),
            ("a story's date, moving it from between two stories to the front (its old and new neighbours change)", {
                try edit("Content/stories/2024-05-zhou-yan.md") { $0.replacingOccurrences(of: "date: 2024-05-10", with: "date: 2026-01-05") }
            }),
            ("a story's unit, a unit no other story has", {
                try edit("Content/stories/2023-04-sun-dahai.md") { $0.replacingOccurrences(of: "unit: 综采一区党支部", with: "unit: 新成立党支部") }
            }),
            ("a story's slug: its address, in its neighbours' links and the lists", {
                try edit("Content/stories/2023-04-sun-dahai.md") { $0.replacingOccurrences(of: "title: ", with: "slug: sun-dahai-story\ntitle: ") }
            }),
            ("a brand's slogan, shown on the booklet's cards", {
                try edit("Content/booklet/03-zhijue-weilai.md") { $0.replacingOccurrences(of: "slogan: ", with: "slogan: 新：") }
            }),
            ("a story's first paragraph, its summary in lists", {
                try edit("Content/stories/2022-03-zhang-tiejun.md") { text in
                    let parts = text.components(separatedBy: "---\n")
                    return parts[0] + "---\n" + parts[1] + "---\n\n开头新加的一句。" + parts[2...].joined(separator: "---\n")
                }
            }),
            ("a handbook section's title, shown in the book's contents on every page of the book", {
                try edit("Content/handbook/01-zongze/02-fanwei.md") { $0.replacingOccurrences(of: "title: ", with: "title: 修订：") }
            }),
            ("a handbook section moved to the end of its chapter", {
                try FileManager.default.moveItem(at: project.root.appendingPathComponent("Content/handbook/01-zongze/01-mudi.md"),
                                                 to: project.root.appendingPathComponent("Content/handbook/01-zongze/09-mudi.md"))
            }),
            ("a logo's bytes", {
                let logos = project.root.appendingPathComponent("Content/booklet/logos")
                let logo = try #require(try FileManager.default.contentsOfDirectory(atPath: logos.path).sorted().first)
                try edit("Content/booklet/logos/" + logo) { $0.replacingOccurrences(of: "</svg>", with: "<!-- 新 --></svg>") }
            }),
            ("the theme's story template", { try edit("Templates/story.mustache") { $0.replacingOccurrences(of: "返回榜样故事", with: "返回全部故事") } }),
            ("a story removed", { try FileManager.default.removeItem(at: project.root.appendingPathComponent("Content/stories/2025-09-luo-gang.md")) }),
            ("a new handbook chapter, a new folder in the output", {
                try project.write("Content/handbook/99-fulu/_index.md", "---\ntitle: 附录\n---\n\n本章收录附表。\n")
                try project.write("Content/handbook/99-fulu/01-biaoge.md", "---\ntitle: 常用表格\n---\n\n## 表格一\n\n内容。\n")
            }),
            ("a page of the new chapter edited", {
                try edit("Content/handbook/99-fulu/01-biaoge.md") { $0 + "\n补充说明。\n" }
            }),
            ("the new chapter removed, and its folder with it", {
                try FileManager.default.removeItem(at: project.root.appendingPathComponent("Content/handbook/99-fulu"))
            }),
            ("a handbook section's slug: its address, and its anchors in the print view", {
                try edit("Content/handbook/01-zongze/02-fanwei.md") { $0.replacingOccurrences(of: "title: ", with: "slug: scope\ntitle: ") }
            }),
            ("a handbook chapter's title, shown in the book's contents and its pages' breadcrumbs", {
                try edit("Content/handbook/01-zongze/_index.md") { $0.replacingOccurrences(of: "title: ", with: "title: 新") }
            }),
            ("stories in a folder with a section page of its own", {
                try project.write("Content/stories/2026/_index.md", "---\ntitle: 二〇二六年\n---\n")
                try project.write("Content/stories/2026/2026-02-xin.md", "---\ntitle: 新的故事\ndate: 2026-02-01\n---\n\n新的一篇。\n")
            }),
            ("that folder's title, shown only in its pages' breadcrumbs", {
                try edit("Content/stories/2026/_index.md") { $0.replacingOccurrences(of: "title: ", with: "title: 新") }
            }),
            ("the booklet's title, in every page's navigation", {
                try edit("Content/booklet/_index.md") { $0.replacingOccurrences(of: "title: ", with: "title: 新") }
            }),
            ("the site's settings", { try edit("Content/site.yml") { $0.replacingOccurrences(of: "title: ", with: "title: 新") } }),
        ]
        var before: [String: Data] = [:]
        for (name, change) in steps {
            try change()
            usleep(20_000)
            let report = SiteBuilder.build(Self.rebuildOptions(project, memory: memory, settleSeconds: 0.01))
            #expect(report.succeeded, "\(name): \(TemporaryProject.lines(report))")
            #expect(name == "first build" || report.filesReused > 0, "\(name): unchanged files are kept")
            let rebuilt = project.tree()
            // What the summary line tells: every file of the output was written or kept, and every
            // file whose bytes are new was written (removing the draft story changes none).
            #expect(report.filesWritten + report.filesReused == rebuilt.count, "\(name): written and kept files")
            let changed = rebuilt.filter { before[$0.key] != $0.value }.count
            #expect(report.filesWritten >= changed, "\(name): \(report.filesWritten) written, \(changed) changed")
            let summaryStart = name == "first build" ? "built \(report.pageCount) pages" : "updated Output/ in "
            #expect(report.summary.hasPrefix(summaryStart), "\(name): \(report.summary)")
            #expect(name == "first build" || report.summary.contains(": \(report.filesWritten) files written, \(report.filesReused) unchanged files kept"),
                    "\(name): \(report.summary)")
            before = rebuilt
            let full = try Self.fromScratch(project)
            #expect(rebuilt.keys.sorted() == full.keys.sorted(), "after: \(name)")
            #expect(project.folders() == project.folders("Scratch"), "after: \(name)")
            for (path, data) in full where rebuilt[path] != data {
                Issue.record("after \(name): \(path) differs from a full build")
            }
        }
        if keptInMemory {
            let cacheFolder = project.root.appendingPathComponent(BuildOptions.cacheFolderName).path
            let cacheFiles = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []
            #expect(!cacheFiles.contains { $0.hasSuffix(".bin") }, "caches kept in memory are not written to files: \(cacheFiles)")
        }
    }
}
