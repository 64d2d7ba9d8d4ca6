import Foundation
import Testing
@testable import BrandpressKit

/// The caches are trusted by the program that wrote them, known by its build ID: a copy of the
/// program, or a hard link to it (what `perf record` makes), is the same program.
@Suite struct ExecutableIdentityTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theProgramIsKnownByItsBuildIDWhereverItsFileIs() throws {
        let id = try #require(ExecutableIdentity.buildID(ofFile: "/proc/self/exe"), "SwiftPM links programs with --build-id")
        #expect(!id.isEmpty)
        #expect(ExecutableIdentity.value == id.withUnsafeBytes(StableHash.of(bytes:)))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy"), link = folder.appendingPathComponent("link")
        try FileManager.default.copyItem(atPath: "/proc/self/exe", toPath: copy.path)
        try FileManager.default.linkItem(at: copy, to: link)
        #expect(ExecutableIdentity.buildID(ofFile: copy.path) == id)
        #expect(ExecutableIdentity.buildID(ofFile: link.path) == id)
    }

    /// An ELF64 file of two segments, the second holding `notes` (names and descriptions padded to
    /// four bytes, as the format wants).
    static func elf(notes: [(owner: String, type: UInt32, description: [UInt8])]) -> [UInt8] {
        func little(_ value: Int, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) }
        let noteBytes = notes.flatMap { note -> [UInt8] in
            let name = Array(note.owner.utf8) + [0]
            return little(name.count, 4) + little(note.description.count, 4) + little(Int(note.type), 4) + padded(name) + padded(note.description)
        }
        var header = [UInt8](repeating: 0, count: 64)
        header.replaceSubrange(0..<7, with: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1])
        header.replaceSubrange(32..<40, with: little(64, 8))
        header.replaceSubrange(54..<56, with: little(56, 2))
        header.replaceSubrange(56..<58, with: little(2, 2))
        func programHeader(type: Int, offset: Int, size: Int) -> [UInt8] {
            little(type, 4) + little(4, 4) + little(offset, 8) + little(0, 16) + little(size, 8) + little(size, 8) + little(4, 8)
        }
        let notesOffset = 64 + 2 * 56
        return header + programHeader(type: 1, offset: 0, size: notesOffset) + programHeader(type: 4, offset: notesOffset, size: noteBytes.count) + noteBytes
    }

    @Test func theBuildIDIsFoundAmongOtherNotes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("program")
        // Another owner's note of the build ID's type, one whose name and description are padded, then the build ID.
        try Data(Self.elf(notes: [("XYZ", 3, [9, 9, 9, 9]), ("Linux", 1, [1, 2, 3]), ("GNU", 3, [0xB1, 0xB7, 0xED, 0x86, 0x05])])).write(to: file)
        #expect(ExecutableIdentity.buildID(ofFile: file.path) == [0xB1, 0xB7, 0xED, 0x86, 0x05])
        try Data(Self.elf(notes: [("GNU", 1, [1, 2, 3, 4])])).write(to: file)
        #expect(ExecutableIdentity.buildID(ofFile: file.path) == nil, "a GNU note of another type")
    }

    @Test func aFileThatIsNoELFProgramHasNoBuildID() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("program")
        let program = Self.elf(notes: [("GNU", 3, [1, 2, 3, 4])])
        var cases: [(String, [UInt8])] = [
            ("a text file", Array("#!/bin/sh\necho 同·兴\n".utf8)),
            ("a header cut short", Array(program.prefix(40))),
            ("program headers cut short", Array(program.prefix(100))),
            ("a note cut short", Array(program.dropLast(2))),
        ]
        var thirtyTwoBit = program
        thirtyTwoBit[4] = 1
        cases.append(("a 32-bit file", thirtyTwoBit))
        for (name, bytes) in cases {
            try Data(bytes).write(to: file)
            #expect(ExecutableIdentity.buildID(ofFile: file.path) == nil, "\(name)")
        }
        #expect(ExecutableIdentity.buildID(ofFile: folder.appendingPathComponent("missing").path) == nil)
    }
}
