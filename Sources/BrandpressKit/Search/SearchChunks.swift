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

    static func boundaryHash(of document: SearchDocument) -> UInt64 {
        StableHash.of(document.url)
    }
}
