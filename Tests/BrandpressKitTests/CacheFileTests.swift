import Foundation
import Testing
@testable import BrandpressKit

/// Cache files are read a megabyte at a time: values that straddle the reads, values larger than
/// one read, and files that end early must all come out as written, or not at all.
@Suite struct CacheFileTests {
    static let format = "cache-file-test-1"

    func write(_ file: URL, _ fill: (inout ByteWriter) -> Void) {
        #expect(CacheFile.replace(file, format: Self.format) { writer, flush in
            fill(&writer)
            try flush(&writer)
        })
    }

    @Test func valuesAcrossAndLargerThanOneReadComeBackAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-cachefile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.bin")
        let small = (0..<60_000).map { "第\($0)条：党建品牌" }
        let large = String(repeating: "同·兴党建品牌，一支部一品牌。", count: 200_000)  // about 9 MB
        write(file) { writer in
            writer.write(small) { $0.write($1) }
            writer.write(large)
            writer.write(UInt64(0xDEAD_BEEF))
            writer.write(true)
        }
        var reader = try #require(CacheFile.reader(file, format: Self.format))
        #expect(reader.array { $0.string() } == small)
        #expect(reader.string() == large)
        #expect(reader.uint64() == 0xDEAD_BEEF)
        #expect(reader.bool() == true)
        #expect(reader.isAtEnd)
        #expect(reader.bool() == nil)
    }

    @Test func aFileCutShortIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-cachefile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.bin")
        write(file) { writer in
            writer.write(Array(repeating: "一二三四五六七八九十", count: 300_000)) { $0.write($1) }
        }
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count - 5).write(to: file)
        var reader = try #require(CacheFile.reader(file, format: Self.format))
        #expect(reader.array { $0.string() } == nil)
        #expect(CacheFile.reader(folder.appendingPathComponent("missing.bin"), format: Self.format) == nil)
        try Data("other-format".utf8).write(to: file)
        #expect(CacheFile.reader(file, format: Self.format) == nil)
    }
}
