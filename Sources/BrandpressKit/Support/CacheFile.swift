import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of the build cache: a format name and the identity of the brandpress binary that wrote
/// them, then what `ByteWriter` wrote. A file from another format or binary is not read (rendering
/// may change with the code). Writing is best effort: a cache that cannot be written only costs the
/// next build time.
enum CacheFile {
    /// The file `kind` keeps for builds into `output` (`build-1bb2a276.bin`): each output folder
    /// has its own, and the build cache, the publications and the fingerprint name theirs alike.
    static func file(_ kind: String, in folder: URL, for output: URL, extension ext: String = "bin") -> URL {
        folder.appendingPathComponent("\(kind)-\(String(StableHash.of(output.path), radix: 16)).\(ext)")
    }

    /// A reader positioned after the header, or nil when the file is missing or not of this format and binary.
    static func reader(_ file: URL, format: String) -> ByteReader? {
        guard let source = ByteSource(path: file.path) else { return nil }
        var reader = ByteReader(source)
        guard reader.string() == format, reader.uint64() == ExecutableIdentity.value else { return nil }
        return reader
    }

    /// Writes `file` through a temporary file renamed over it, so that no reader sees half of one.
    /// `fill` writes the body and calls `flush` now and then: a megabyte at a time goes to disk, so
    /// a large cache is never all in memory. Returns false when nothing was written (the folder is
    /// not writable, or `fill` threw).
    @discardableResult
    static func replace(_ file: URL, format: String, _ fill: (inout ByteWriter, _ flush: (inout ByteWriter) throws -> Void) throws -> Void) -> Bool {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.path + "/.\(file.lastPathComponent).\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        func drain(_ writer: inout ByteWriter) throws {
            try writer.drain { try FileWriting.write(bytes: $0, fd: fd, path: temporary) }
        }
        var writer = ByteWriter()
        writer.write(format)
        writer.write(ExecutableIdentity.value)
        let written = (try? fill(&writer) { writer in
            if writer.bytes.count >= 1 << 20 { try drain(&writer) }
        }) != nil && (try? drain(&writer)) != nil
        close(fd)
        guard written, rename(temporary, file.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Appends `bytes` to a cache file in one write. A write cut short leaves a file its reader
    /// rejects (a block that ends early), and a failed one removes the file: either way the next
    /// build reads the files again instead of trusting a damaged cache.
    static func append(_ bytes: [UInt8], to file: URL) -> Bool {
        let fd = open(file.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        let written = bytes.withUnsafeBufferPointer { buffer in (try? FileWriting.write(bytes: buffer, fd: fd, path: file.path)) != nil }
        close(fd)
        if !written { unlink(file.path) }
        return written
    }
}
