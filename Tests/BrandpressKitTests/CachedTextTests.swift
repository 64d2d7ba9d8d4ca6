import Foundation
import Testing
@testable import BrandpressKit

/// Texts written to a text file and read back lazily; a new file made from an old one copies the
/// old texts' bytes and writes the new ones, in any mix.
@Suite struct CachedTextTests {
    @Test func textsComeBackFromTheFileAndANewFileMixesCopiedAndNewTexts() throws {
        let project = try TemporaryProject([:], templates: [:])
        try FileManager.default.createDirectory(at: project.root, withIntermediateDirectories: true)
        let firstPath = project.root.appendingPathComponent("first").path
        let texts = ["<p>同心向党</p>", "", "安全生产\n技术创新", String(repeating: "榜样的力量。", count: 50_000), "ascii only"]
        var writer = try #require(TextFileWriter(path: firstPath))
        let locations = try texts.map { try writer.append(CachedText($0)) }
        try writer.finish()
        let first = try #require(TextFile(path: firstPath, expectedSize: writer.size))
        let cached = locations.map { CachedText(file: first, offset: $0.offset, length: $0.length) }
        #expect(cached.map(\.string) == texts)
        #expect(TextFile(path: firstPath, expectedSize: writer.size + 1) == nil, "a file shorter than the cache says is refused")

        // Old texts 0, 1, 2 in a row (one copy), a new text, old 4 and 3 out of order, another new one.
        let secondPath = project.root.appendingPathComponent("second").path
        var second = try #require(TextFileWriter(path: secondPath))
        let mixed = [cached[0], cached[1], cached[2], CachedText("新的一段"), cached[4], cached[3], CachedText("")]
        let expected = [texts[0], texts[1], texts[2], "新的一段", texts[4], texts[3], ""]
        let secondLocations = try mixed.map { try second.append($0) }
        try second.finish()
        // The first file may go: what was copied is in the second.
        try FileManager.default.removeItem(atPath: firstPath)
        let reopened = try #require(TextFile(path: secondPath, expectedSize: second.size))
        #expect(secondLocations.map { CachedText(file: reopened, offset: $0.offset, length: $0.length).string } == expected)
        #expect(cached[3].string == texts[3], "an open text file stays readable after its name is gone")
    }

    /// A rebuild appends its new texts to the last build's file: the kept texts stay where they
    /// are, the old cache still reads the file as it was, and bytes a stopped build appended
    /// beyond what any cache names are cut off.
    @Test func appendingKeepsOldTextsInPlaceAndCutsOffWhatNoCacheNames() throws {
        let project = try TemporaryProject([:], templates: [:])
        try FileManager.default.createDirectory(at: project.root, withIntermediateDirectories: true)
        let path = project.root.appendingPathComponent("texts").path
        let texts = ["<p>同心向党</p>", "安全生产", String(repeating: "榜样。", count: 1000)]
        var writer = try #require(TextFileWriter(path: path))
        let locations = try texts.map { try writer.append(CachedText($0)) }
        try writer.finish()
        let old = try #require(TextFile(path: path, expectedSize: writer.size))
        let cached = locations.map { CachedText(file: old, offset: $0.offset, length: $0.length) }

        // What a build killed after appending, before writing its cache, leaves behind.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("半截".utf8))
        try handle.close()

        var appender = try #require(TextFileWriter(appendingTo: old))
        let mixed = [cached[2], CachedText("新的一段"), cached[0], CachedText("")]
        let mixedLocations = try mixed.map { try appender.append($0) }
        try appender.finish()
        #expect(mixedLocations[0] == locations[2] && mixedLocations[2] == locations[0], "kept texts are not moved")
        #expect(mixedLocations[1].offset == old.size, "new texts follow the old file's bytes, not the leftovers")
        let grown = try #require(TextFile(path: path, expectedSize: appender.size))
        #expect(mixedLocations.map { CachedText(file: grown, offset: $0.offset, length: $0.length).string } == [texts[2], "新的一段", texts[0], ""])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == appender.size)
        let olderCache = try #require(TextFile(path: path, expectedSize: old.size))
        #expect(locations.map { CachedText(file: olderCache, offset: $0.offset, length: $0.length).string } == texts)
    }

    /// A rebuild appends to the last text file while every kept text is in it and at most a
    /// quarter of it is texts no page uses any more; else it writes a new file.
    @Test func theTextFileIsExtendedWhileAtMostAQuarterOfItIsUnused() throws {
        let project = try TemporaryProject([:], templates: [:])
        try FileManager.default.createDirectory(at: project.root, withIntermediateDirectories: true)
        func textFile(_ name: String) throws -> (TextFile, [CachedText]) {
            let path = project.root.appendingPathComponent(name).path
            var writer = try #require(TextFileWriter(path: path))
            let locations = try (0..<8).map { try writer.append(CachedText(String(repeating: "字", count: 10 + $0))) }
            try writer.finish()
            let file = try #require(TextFile(path: path, expectedSize: writer.size))
            return (file, locations.map { CachedText(file: file, offset: $0.offset, length: $0.length) })
        }
        let (file, texts) = try textFile("a")
        let (_, otherTexts) = try textFile("b")
        func entries(_ pairs: [(CachedText, CachedText)]) -> [BuildCache.MarkdownEntry] {
            pairs.map { html, plain in
                BuildCache.MarkdownEntry(key: 0, contentKey: 0, rendered: RenderedMarkdown(htmlText: html, headings: [], firstParagraph: nil, plainTextContent: plain,
                                                                              plainTextDigest: 0, references: [], diagnostics: []))
            }
        }
        let all = entries([(texts[0], texts[1]), (texts[2], texts[3]), (texts[4], texts[5]), (texts[6], texts[7]), (CachedText("新"), CachedText("新"))])
        #expect(RenderedMarkdownCache.textFileToExtend(all) === file)
        // Text 0 is 10 of the file's 108 characters: under a quarter unused.
        #expect(RenderedMarkdownCache.textFileToExtend(entries([(CachedText("新"), texts[1]), (texts[2], texts[3]), (texts[4], texts[5]), (texts[6], texts[7])])) === file)
        // Texts 6 and 7 are 16 + 17 of 108: more than a quarter.
        #expect(RenderedMarkdownCache.textFileToExtend(entries([(texts[0], texts[1]), (texts[2], texts[3]), (texts[4], texts[5])])) == nil)
        #expect(RenderedMarkdownCache.textFileToExtend(all + entries([(otherTexts[0], otherTexts[1])])) == nil, "texts in two files")
        #expect(RenderedMarkdownCache.textFileToExtend(entries([(CachedText("新"), CachedText("新"))])) == nil, "no kept texts")
    }
}
