import Foundation

/// The search index of one build, written file by file as it is made (only one batch of documents
/// and one text chunk are held at a time, never the whole index's files).
///
/// When the previous index describes the same documents in the same order, only the documents whose
/// text changed are tokenized again, and only the shards and text chunks they touch are written;
/// the other files are `kept` (the caller links them from the previous output). Otherwise the index
/// is made from every document.
struct SearchBuild: Sendable {
    /// What the next build patches.
    let state: SearchState
    /// Site paths under `search/` written through `write` …
    let written: [String]
    /// … and those to take unchanged from the previous output.
    let kept: [String]
    /// The first file that could not be written; the build fails with it.
    let failure: WriteError?

    typealias Write = @Sendable (_ sitePath: String, _ data: Data) throws -> Void

    init(source: SearchDocumentSource, previous: SearchState?, chunkBytes: Int = SearchIndexFiles.defaultChunkBytes, write: Write) {
        let identity = SearchState.identity(urls: source.urls, publications: source.publications)
        let boundaryHashes = source.urls.map(StableHash.of)
        var written: [String] = []
        var failure: WriteError?
        func emit(_ path: String, _ data: Data) {
            failure = failure ?? Self.attempt(path, data, write)
            written.append(path)
        }
        func emitShards(tokens: [String], postings: [PostingList], shardCount: Int, only: Set<Int>?) {
            let results = SearchIndexFiles.shardFiles(tokens: tokens, postings: postings, shardCount: shardCount, only: only) { path, data in
                (path, Self.attempt(path, data, write))
            }
            for (path, problem) in results {
                failure = failure ?? problem
                written.append(path)
            }
        }

        guard let previous, previous.identity == identity, previous.documentDigests.count == source.count else {
            // From scratch, a batch of documents at a time: tokens into the postings, rows into chunks.
            var postings = PostingsBuilder()
            var text = SearchTextChunks(chunkBytes: chunkBytes)
            var digests: [UInt64] = []
            for first in stride(from: 0, to: source.count, by: PostingsBuilder.batch) {
                let count = min(PostingsBuilder.batch, source.count - first)
                let documents = ParallelMap.map(count: count) { source.document(first + $0) }
                postings.add(ParallelMap.map(count: count) { SearchIndex.tokenCodes(of: documents[$0]) }, firstDocument: first)
                digests += ParallelMap.map(count: count) { source.digest(first + $0) }
                for (offset, document) in documents.enumerated() {
                    if let (path, data) = text.add(document, boundaryHash: boundaryHashes[first + offset]) { emit(path, data) }
                }
            }
            if let (path, data) = text.finish() { emit(path, data) }
            let shardCount = SearchIndexFiles.shardCount(tokens: postings.tokens, postings: postings.lists)
            emitShards(tokens: postings.tokens, postings: postings.lists, shardCount: shardCount, only: nil)
            emit(SearchIndexFiles.metaPath, SearchIndexFiles.meta(documentCount: source.count, shardCount: shardCount, publications: source.publications, chunkStarts: text.starts))
            state = SearchState(identity: identity, documentDigests: digests, rowSizes: text.rowSizes, tokens: postings.tokens, postings: postings.lists)
            kept = []
            self.written = written
            self.failure = failure
            return
        }

        // Which documents changed: only those are made.
        let digests = ParallelMap.map(count: source.count, source.digest)
        let changedNumbers = digests.indices.filter { digests[$0] != previous.documentDigests[$0] }
        let made = ParallelMap.map(count: changedNumbers.count) { source.document(changedNumbers[$0]) }
        let changedDocuments = Dictionary(uniqueKeysWithValues: zip(changedNumbers, made))
        let previousStarts = SearchChunks.starts(rowSizes: previous.rowSizes, boundaryHashes: boundaryHashes, chunkBytes: chunkBytes)
        let previousShardCount = SearchIndexFiles.shardCount(tokens: previous.tokens, postings: previous.postings)
        guard !changedDocuments.isEmpty else {
            state = previous
            kept = [SearchIndexFiles.metaPath] + (0..<previousShardCount).map { SearchIndexFiles.shardPath($0, count: previousShardCount) }
                + previousStarts.map(SearchIndexFiles.textPath(firstDocument:))
            self.written = []
            self.failure = nil
            return
        }

        let changed = changedDocuments.keys.sorted()
        let patch = SearchIndexPatch(tokens: previous.tokens, postings: previous.postings, documentCount: source.count,
                                     changed: changed.map { ($0, changedDocuments[$0]!) })
        var changedRows: [Int: String] = [:]
        var rowSizes = previous.rowSizes
        for document in changed {
            let row = SearchIndexFiles.row(changedDocuments[document]!)
            changedRows[document] = row
            rowSizes[document] = row.utf8.count
        }
        let starts = SearchChunks.starts(rowSizes: rowSizes, boundaryHashes: boundaryHashes, chunkBytes: chunkBytes)
        let shardCount = SearchIndexFiles.shardCount(tokens: patch.tokens, postings: patch.postings)
        var kept: [String] = []

        // Every shard is made again when their number changed; else those holding a changed list.
        var changedShards: Set<Int>?
        if shardCount == previousShardCount {
            let touched = Set(patch.touched.map { SearchShards.shard(of: patch.tokens[$0], count: shardCount) })
            changedShards = touched
            kept += (0..<shardCount).filter { !touched.contains($0) }.map { SearchIndexFiles.shardPath($0, count: shardCount) }
        }
        emitShards(tokens: patch.tokens, postings: patch.postings, shardCount: shardCount, only: changedShards)

        // A chunk is kept when the previous build had one with the same documents, none of them changed.
        func ranges(_ starts: [Int]) -> [Range<Int>] {
            starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : source.count) }
        }
        let previousRanges = Set(ranges(previousStarts))
        for range in ranges(starts) {
            if previousRanges.contains(range) && !range.contains(where: { changedDocuments[$0] != nil }) {
                kept.append(SearchIndexFiles.textPath(firstDocument: range.lowerBound))
            } else {
                let rows = range.map { changedRows[$0] ?? SearchIndexFiles.row(source.document($0)) }
                emit(SearchIndexFiles.textPath(firstDocument: range.lowerBound), SearchIndexFiles.textFile(firstDocument: range.lowerBound, rows: rows))
            }
        }
        emit(SearchIndexFiles.metaPath, SearchIndexFiles.meta(documentCount: source.count, shardCount: shardCount, publications: source.publications, chunkStarts: starts))
        self.kept = kept
        self.written = written
        self.failure = failure
        let live = patch.postings.indices.filter { patch.postings[$0].count > 0 }
        state = SearchState(identity: identity, documentDigests: digests, rowSizes: rowSizes,
                            tokens: live.map { patch.tokens[$0] }, postings: live.map { patch.postings[$0] })
    }

    private static func attempt(_ path: String, _ data: Data, _ write: Write) -> WriteError? {
        do {
            try write(path, data)
            return nil
        } catch let error as WriteError {
            return error
        } catch {
            return WriteError(message: "\(path): \(error.localizedDescription)")
        }
    }
}
