import Foundation

/// The search index of one build, written file by file as it is made (only one batch of documents
/// and one text chunk are held at a time, never the whole index's files).
///
/// When the previous index describes the same documents in the same order, only the documents whose
/// text changed are tokenized again, and only the shards and text chunks they touch are written;
/// the other files are `kept` (the caller takes them from the previous output). Otherwise the index
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

    /// `earlier`, when known, are the documents `previous` may have been made from (`serve` keeps
    /// the last build's pages): a changed document whose digest there is the one `previous`
    /// recorded is taken out of the lists of its tokens then, without reading every list.
    init(source: SearchDocumentSource, previous: SearchState?, earlier: SearchDocumentSource? = nil,
         chunkBytes: Int = SearchIndexFiles.defaultChunkBytes, write: @escaping Write) {
        let identity = SearchState.identity(urls: source.urls, publications: source.publications)
        let files = Files(write: write)
        if let previous, previous.identity == identity, previous.documentDigests.count == source.count {
            (state, kept) = Self.patch(previous, source: source, earlier: earlier, chunkBytes: chunkBytes, files: files)
        } else {
            state = Self.make(identity: identity, source: source, chunkBytes: chunkBytes, files: files)
            kept = []
        }
        written = files.written
        failure = files.failure
    }

    /// From scratch, a batch of documents at a time: tokens into the postings, rows into chunks.
    /// Runs beside page rendering, so it keeps to its own thread.
    private static func make(identity: UInt64, source: SearchDocumentSource, chunkBytes: Int, files: Files) -> SearchState {
        var postings = PostingsBuilder()
        var text = SearchTextChunks(chunkBytes: chunkBytes)
        var digests: [UInt64] = []
        for first in stride(from: 0, to: source.count, by: PostingsBuilder.batch) {
            let count = min(PostingsBuilder.batch, source.count - first)
            // On this thread only: the pages render on every core meanwhile, and the search's short-lived
            // allocations spread over their threads raised a 10,000-page build's peak from 186 to 284 MiB
            // for 0.2 s less.
            let documents = (0..<count).map { source.document(first + $0) }
            postings.add(documents.map(SearchIndex.tokenCodes), firstDocument: first)
            digests += (0..<count).map { source.digest(first + $0) }
            for document in documents {
                if let (path, data) = text.add(document) { files.emit(path, data) }
            }
        }
        if let (path, data) = text.finish() { files.emit(path, data) }
        let shardCount = SearchIndexFiles.shardCount(tokens: postings.tokens, postings: postings.lists)
        files.emitShards(tokens: postings.tokens, postings: postings.lists, shardCount: shardCount, only: nil)
        files.emit(SearchIndexFiles.metaPath, SearchIndexFiles.meta(documentCount: source.count, shardCount: shardCount, publications: source.publications, chunkStarts: text.starts))
        return SearchState(identity: identity, documentDigests: digests, rowSizes: text.rowSizes, tokens: postings.tokens, postings: postings.lists)
    }

    /// The previous index with the changed documents taken out and put in again; returns the new
    /// state and the files to keep.
    private static func patch(_ previous: SearchState, source: SearchDocumentSource, earlier: SearchDocumentSource?, chunkBytes: Int,
                              files: Files) -> (SearchState, [String]) {
        let boundaryHashes = source.urls.map(SearchChunks.boundaryHash(url:))
        let previousStarts = SearchChunks.starts(rowSizes: previous.rowSizes, boundaryHashes: boundaryHashes, chunkBytes: chunkBytes)
        let previousShardCount = SearchIndexFiles.shardCount(tokens: previous.tokens, postings: previous.postings)

        // Which documents changed: only those are made.
        let digests = ParallelMap.map(count: source.count, source.digest)
        let changed = digests.indices.filter { digests[$0] != previous.documentDigests[$0] }
        guard !changed.isEmpty else {
            return (previous, [SearchIndexFiles.metaPath] + (0..<previousShardCount).map { SearchIndexFiles.shardPath($0, count: previousShardCount) }
                + previousStarts.map(SearchIndexFiles.textPath(firstDocument:)))
        }
        let made = ParallelMap.map(count: changed.count) { source.document(changed[$0]) }
        let indexed = earlier.flatMap { earlier -> [SearchDocument]? in
            guard earlier.count == source.count, changed.allSatisfy({ earlier.digest($0) == previous.documentDigests[$0] }) else { return nil }
            return changed.map(earlier.document)
        }
        let patch = SearchIndexPatch(tokens: previous.tokens, postings: previous.postings, documentCount: source.count,
                                     changed: Array(zip(changed, made)), indexed: indexed)
        var changedRows: [Int: String] = [:]
        var rowSizes = previous.rowSizes
        for (number, document) in zip(changed, made) {
            let row = SearchIndexFiles.row(document)
            changedRows[number] = row
            rowSizes[number] = row.utf8.count
        }
        var kept: [String] = []

        // Every shard is made again when their number changed; else those holding a changed list.
        let shardCount = SearchIndexFiles.shardCount(tokens: patch.tokens, postings: patch.postings)
        var changedShards: Set<Int>?
        if shardCount == previousShardCount {
            let touched = Set(patch.touched.map { SearchShards.shard(of: patch.tokens[$0], count: shardCount) })
            changedShards = touched
            kept += (0..<shardCount).filter { !touched.contains($0) }.map { SearchIndexFiles.shardPath($0, count: shardCount) }
        }
        files.emitShards(tokens: patch.tokens, postings: patch.postings, shardCount: shardCount, only: changedShards)

        // A chunk is kept when the previous build had one with the same documents, none of them changed.
        func ranges(_ starts: [Int]) -> [Range<Int>] {
            starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : source.count) }
        }
        let starts = SearchChunks.starts(rowSizes: rowSizes, boundaryHashes: boundaryHashes, chunkBytes: chunkBytes)
        let previousRanges = Set(ranges(previousStarts))
        for range in ranges(starts) {
            let path = SearchIndexFiles.textPath(firstDocument: range.lowerBound)
            if previousRanges.contains(range) && !range.contains(where: { changedRows[$0] != nil }) {
                kept.append(path)
            } else {
                files.emit(path, SearchIndexFiles.textFile(firstDocument: range.lowerBound, rows: range.map { changedRows[$0] ?? SearchIndexFiles.row(source.document($0)) }))
            }
        }
        files.emit(SearchIndexFiles.metaPath, SearchIndexFiles.meta(documentCount: source.count, shardCount: shardCount, publications: source.publications, chunkStarts: starts))
        let live = patch.postings.indices.filter { patch.postings[$0].count > 0 }
        let state = SearchState(identity: previous.identity, documentDigests: digests, rowSizes: rowSizes,
                                tokens: live.map { patch.tokens[$0] }, postings: live.map { patch.postings[$0] })
        return (state, kept)
    }

    /// Writes the index's files and remembers what was written and the first failure. Used from one
    /// thread at a time: shards made on several cores are written there and recorded here after.
    private final class Files {
        let write: Write
        private(set) var written: [String] = []
        private(set) var failure: WriteError?

        init(write: @escaping Write) {
            self.write = write
        }

        func emit(_ path: String, _ data: Data) {
            record(path, Files.attempt(path, data, write))
        }

        func emitShards(tokens: [String], postings: [PostingList], shardCount: Int, only: Set<Int>?) {
            let write = self.write
            let results = SearchIndexFiles.shardFiles(tokens: tokens, postings: postings, shardCount: shardCount, only: only) { path, data in
                (path, Files.attempt(path, data, write))
            }
            for (path, problem) in results { record(path, problem) }
        }

        private func record(_ path: String, _ problem: WriteError?) {
            failure = failure ?? problem
            written.append(path)
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
}
