import Foundation

/// Where the text chunks begin. A chunk ends after a document once it holds half the aimed-at
/// size and the document's address hashes even, or once it holds twice that size: the ends depend
/// on the documents themselves, not on everything before them, so when one page's text grows or
/// shrinks only its own chunk (rarely the next one too) changes and a rebuild rewrites only that.
struct SearchChunks {
    let chunkBytes: Int
    private(set) var starts: [Int] = []
    private var size = 0
    init(chunkBytes: Int) {
        self.chunkBytes = chunkBytes
    }

    /// Adds the next document's row; true when its chunk ends with it.
    mutating func add(rowSize: Int, boundaryHash: UInt64) -> Bool {
        if size == 0 { starts.append(nextDocument) }
        nextDocument += 1
        size += rowSize + 1
        guard (size >= chunkBytes / 2 && boundaryHash & 1 == 0) || size >= chunkBytes * 2 else { return false }
        size = 0
        return true
    }

    private var nextDocument = 0

    static func starts(rowSizes: [Int], boundaryHashes: [UInt64], chunkBytes: Int) -> [Int] {
        var chunks = SearchChunks(chunkBytes: chunkBytes)
        for (rowSize, hash) in zip(rowSizes, boundaryHashes) { _ = chunks.add(rowSize: rowSize, boundaryHash: hash) }
        return chunks.starts
    }

    /// What decides whether a chunk may end after a document: its address.
    static func boundaryHash(url: String) -> UInt64 {
        StableHash.of(url)
    }
}

/// Rows into text chunk files as documents come, one chunk's rows held at a time.
struct SearchTextChunks {
    private var chunks: SearchChunks
    private var rows: [String] = []
    private(set) var rowSizes: [Int] = []
    var starts: [Int] { chunks.starts }

    init(chunkBytes: Int) {
        chunks = SearchChunks(chunkBytes: chunkBytes)
    }

    /// Adds the next document; the finished chunk's file when the chunk ends with it.
    mutating func add(_ document: SearchDocument) -> (path: String, data: Data)? {
        let row = SearchIndexFiles.row(document)
        rowSizes.append(row.utf8.count)
        rows.append(row)
        return chunks.add(rowSize: row.utf8.count, boundaryHash: SearchChunks.boundaryHash(url: document.url)) ? finish() : nil
    }

    /// The last chunk's file, when it holds any row.
    mutating func finish() -> (path: String, data: Data)? {
        guard let first = chunks.starts.last, !rows.isEmpty else { return nil }
        defer { rows.removeAll(keepingCapacity: true) }
        return (SearchIndexFiles.textPath(firstDocument: first), SearchIndexFiles.textFile(firstDocument: first, rows: rows))
    }
}
