import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files with plain open/write/close. Foundation's `Data.write(to:)` on Linux calls
/// `fsync` for every file, which costs a disk flush per page (10,000 flushes for 10,000 pages); the
/// build makes the whole staging folder durable with one `syncfs` before swapping it in instead.
enum FileWriting {
    struct Failure: Error, LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    static func write(_ text: String, to url: URL) throws {
        try write(text, path: url.path)
    }

    static func write(_ text: String, path: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0, path: path) }
    }

    static func write(bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(fd) }
        try write(bytes: bytes, fd: fd, path: path)
    }

    /// All of `bytes` to an open file, `path` only for the message.
    static func write(bytes: UnsafeBufferPointer<UInt8>, fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            offset += written
        }
    }

    /// Flushes the file system holding `folder` once (instead of one fsync per file).
    static func syncFileSystem(of folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = linuxSyncfs(fd)
    }
}

/// `syncfs(2)` from the C library; Glibc's Swift module does not export it (it needs _GNU_SOURCE).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
