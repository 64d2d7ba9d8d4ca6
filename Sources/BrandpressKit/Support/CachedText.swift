import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Text in memory, or a range of a file an earlier build wrote, read only when asked for. The
/// build cache holds every page's HTML and plain text (60 MB at 10,000 pages), of which a rebuild
/// after one edit needs a handful; decoding all of it was a third of such a rebuild's work.
public struct CachedText: Sendable {
    enum Storage: Sendable {
        case inMemory(String)
        case inFile(TextFile, offset: Int, length: Int)
    }

    let storage: Storage

    init(_ text: String) {
        storage = .inMemory(text)
    }

    init(file: TextFile, offset: Int, length: Int) {
        storage = .inFile(file, offset: offset, length: length)
    }

    public var string: String {
        switch storage {
        case .inMemory(let text): text
        case .inFile(let file, let offset, let length): file.read(offset: offset, length: length)
        }
    }
}

/// A file of texts, kept open: whatever happens to its name (the next cache replaces it), the
/// bytes stay readable as long as a `CachedText` points into them.
final class TextFile: Sendable {
    let path: String
    let descriptor: Int32
    /// The bytes that were there when the cache naming this file was written; a later build may
    /// have appended more (`TextFileWriter(appendingTo:)`), which this one does not use.
    let size: Int

    /// Nil when the file cannot be opened or has fewer than `expectedSize` bytes; without
    /// `expectedSize`, all its bytes are used.
    init?(path: String, expectedSize: Int? = nil) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) >= expectedSize ?? 0 else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
        size = expectedSize ?? Int(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// The text at `offset`; empty if the file cannot be read, which `init` made unlikely (the
    /// file is open and had its full size).
    func read(offset: Int, length: Int) -> String {
        bytes(offset: offset, length: length).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func bytes(offset: Int, length: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            while count < length {
                let read = pread(descriptor, buffer.baseAddress! + count, length - count, off_t(offset + count))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else {
                    failed = true
                    return
                }
                count += read
            }
        }
        return failed ? nil : bytes
    }
}

/// Writes a file of texts for `TextFile`: texts in memory are written, texts in another text file
/// are copied from it inside the kernel (`copy_file_range`), runs of neighbouring ranges at once.
struct TextFileWriter {
    private let descriptor: Int32
    let path: String
    private var buffer: [UInt8] = []
    /// A range of a text file waiting to be copied, grown while the next text follows it.
    private var pendingCopy: (file: TextFile, offset: Int, length: Int)?
    /// The file appended to: its texts stay where they are.
    private let extended: TextFile?
    private(set) var size = 0

    /// A new file at `path`.
    init?(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return nil }
        self.path = path
        extended = nil
    }

    /// Appends to `file`, after its `size` bytes (what a build stopped before its cache was
    /// written may have left beyond them is cut off: no cache names it).
    init?(appendingTo file: TextFile) {
        descriptor = open(file.path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard ftruncate(descriptor, off_t(file.size)) == 0, lseek(descriptor, off_t(file.size), SEEK_SET) == off_t(file.size) else {
            close(descriptor)
            return nil
        }
        path = file.path
        extended = file
        size = file.size
    }

    /// Appends `text`; returns where it went.
    mutating func append(_ text: CachedText) throws -> (offset: Int, length: Int) {
        if case .inFile(let file, let offset, let length) = text.storage, file === extended { return (offset, length) }
        let offset = size
        switch text.storage {
        case .inMemory(var string):
            try flushCopy()
            string.withUTF8 { buffer.append(contentsOf: $0) }
            size += string.utf8.count
            if buffer.count >= 1 << 20 { try flushBuffer() }
        case .inFile(let file, let from, let length):
            if let pending = pendingCopy, pending.file === file, pending.offset + pending.length == from {
                pendingCopy!.length += length
            } else {
                try flushCopy()
                try flushBuffer()
                pendingCopy = (file, from, length)
            }
            size += length
        }
        return (offset, size - offset)
    }

    /// Writes what is waiting and closes the file.
    mutating func finish() throws {
        defer { close(descriptor) }
        try flushCopy()
        try flushBuffer()
    }

    private mutating func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try FileWriting.write(bytes: $0, fd: descriptor, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func flushCopy() throws {
        guard let (file, offset, length) = pendingCopy else { return }
        pendingCopy = nil
        var from = off_t(offset)
        var left = length
        while left > 0 {
            let copied = linuxCopyFileRange(file.descriptor, &from, descriptor, nil, left, 0)
            if copied < 0 && errno == EINTR { continue }
            guard copied > 0 else {
                // A file system that cannot copy in the kernel: through memory, then.
                guard let rest = file.bytes(offset: Int(from), length: left) else { throw FileWriting.Failure(path: path, code: EIO) }
                try rest.withUnsafeBufferPointer { try FileWriting.write(bytes: $0, fd: descriptor, path: path) }
                return
            }
            left -= copied
        }
    }
}

/// `copy_file_range(2)` from the C library; Glibc's Swift module does not export it (it needs _GNU_SOURCE).
@_silgen_name("copy_file_range")
private func linuxCopyFileRange(_ input: Int32, _ inputOffset: UnsafeMutablePointer<off_t>?, _ output: Int32,
                                _ outputOffset: UnsafeMutablePointer<off_t>?, _ length: Int, _ flags: UInt32) -> Int
