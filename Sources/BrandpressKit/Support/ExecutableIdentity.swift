import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which brandpress program is running, for the caches and the fingerprint: what one program
/// recorded, another (whose rendering may differ) must not trust. Taken from the GNU build ID the
/// linker writes into the program, a hash of its contents: a copy of the program, or a hard link
/// made to it, is the same program. Its file's metadata served before, and `perf record`, which
/// hard-links the programs it profiles into its own folder, changed the file's ctime and made the
/// next build start from nothing. Without a build ID the file's metadata still serves.
enum ExecutableIdentity {
    static let value: UInt64 = {
        if let id = buildID(ofFile: "/proc/self/exe") {
            return id.withUnsafeBytes(StableHash.of(bytes:))
        }
        var hash = MetadataHash()
        return hash.addFile("/proc/self/exe") ? hash.value : 0
    }()

    /// The `NT_GNU_BUILD_ID` note of a 64-bit little-endian ELF file, found through its program
    /// headers; nil for any other file, or one without the note.
    static func buildID(ofFile path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count > 0, count <= 1 << 20, offset >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        func aligned(_ size: Int) -> Int { (size + 3) & ~3 }
        // The magic number, 64-bit, little-endian; the program header table's offset, entry size and count.
        guard let header = read(64, at: 0), header[0..<6] == [0x7F, 0x45, 0x4C, 0x46, 2, 1] else { return nil }
        let tableOffset = integer(header, at: 32, size: 8)
        let entrySize = integer(header, at: 54, size: 2), entries = integer(header, at: 56, size: 2)
        guard entrySize >= 56, let table = read(entrySize * entries, at: tableOffset) else { return nil }
        let noteSegment = 4, buildIDNote = 3, owner: [UInt8] = [0x47, 0x4E, 0x55, 0]  // PT_NOTE, NT_GNU_BUILD_ID, "GNU"
        for entry in 0..<entries where integer(table, at: entry * entrySize, size: 4) == noteSegment {
            let fileOffset = integer(table, at: entry * entrySize + 8, size: 8), fileSize = integer(table, at: entry * entrySize + 32, size: 8)
            guard let notes = read(fileSize, at: fileOffset) else { continue }
            var position = 0
            while notes.count - position >= 12 {
                let nameSize = integer(notes, at: position, size: 4), descriptionSize = integer(notes, at: position + 4, size: 4)
                let name = position + 12, description = name + aligned(nameSize)
                guard description + descriptionSize <= notes.count else { break }
                if integer(notes, at: position + 8, size: 4) == buildIDNote, notes[name..<description].prefix(4).elementsEqual(owner), nameSize == 4 {
                    return Array(notes[description..<description + descriptionSize])
                }
                position = description + aligned(descriptionSize)
            }
        }
        return nil
    }
}
