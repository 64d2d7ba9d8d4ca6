import Foundation
import Testing
@testable import BrandpressKit

/// The publications and the files made of them go into the cache folder and come back as they were.
@Suite struct PublicationsCodingTests {
    static func bytes(_ kept: BuildMemory.KeptPublications) -> [UInt8] {
        var writer = ByteWriter()
        kept.write(to: &writer)
        return writer.bytes
    }

    @Test func theSamplesPublicationsComeBackFromTheCacheFolderAsTheyWereMade() throws {
        let project = try TemporaryProject.copyOfTheSample()
        let options = RebuildEqualsFullBuildTests.rebuildOptions(project, memory: nil, settleSeconds: 0.01)
        let file = BuildMemory.KeptPublications.file(in: try #require(options.cacheFolder), output: project.root.appendingPathComponent("Output"))
        func stored() throws -> BuildMemory.KeptPublications { try #require(BuildMemory.KeptPublications.load(from: file)) }
        #expect(SiteBuilder.build(options).succeeded)
        let kept = try stored()

        // Every page the build wrote from a template is one of the kept jobs' outputs.
        let written = try FileManager.default.subpathsOfDirectory(atPath: project.root.appendingPathComponent("Output").path)
            .filter { $0.hasSuffix(".html") }
        #expect(Set(kept.outputs) == Set(written))
        #expect(kept.jobs.count == kept.outputs.count)
        #expect(kept.publications.booklets.first?.brands.count == 16)
        #expect(kept.publications.stories.first?.covers.isEmpty == false)
        #expect(kept.publications.handbooks.first?.numberByPage.isEmpty == false)

        // What is read back writes the same bytes; cut short, it is not read.
        let original = Self.bytes(kept)
        var reader = ByteReader(original)
        let read = try #require(BuildMemory.KeptPublications.read(&reader))
        #expect(reader.isAtEnd)
        #expect(Self.bytes(read) == original)
        #expect(read.jobs == kept.jobs)
        #expect(read.problems == kept.problems)
        #expect(read.pathProblems == kept.pathProblems)
        var shortReader = ByteReader(Array(original.dropLast()))
        #expect(BuildMemory.KeptPublications.read(&shortReader) == nil)

        // A story's body edited: the publications are taken as they were (the file is not even
        // written again). Its title: made again.
        let storedAt = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let storyFile = project.root.appendingPathComponent("Content/stories/2025-06-tian-hao.md")
        let story = try String(contentsOf: storyFile, encoding: .utf8)
        try project.write("Content/stories/2025-06-tian-hao.md", story + "\n\n补充一句。\n")
        usleep(20_000)
        #expect(SiteBuilder.build(options).succeeded)
        #expect(try stored().inputs == kept.inputs)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == storedAt)
        try project.write("Content/stories/2025-06-tian-hao.md", story.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: 新"))
        usleep(20_000)
        #expect(SiteBuilder.build(options).succeeded)
        #expect(try stored().inputs != kept.inputs)
    }
}
