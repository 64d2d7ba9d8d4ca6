import Foundation

/// The search index of one build, written file by file as it is made (only one batch of documents
/// and one text chunk are held at a time, never the whole index's files).
///
/// When the previous index was made for the same publications and the documents it shares with
/// this one are in the same order, only the documents that are new or whose text changed are
/// tokenized, and only the shards and text chunks that changed are written (documents added or
/// removed near the end, as a new story is, move few numbers); the other files are `kept` (the
/// caller takes them from the previous output). Otherwise the index is made from every document.
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

    /// `earlier`, when known, tells what `previous` may have been made from: when every changed
    /// document's earlier version has the digest `previous` recorded, they are taken out of the
    /// lists of their tokens, without reading every list.
    init(source: SearchDocumentSource, previous: SearchState?, earlier: EarlierSearchDocuments? = nil,
         chunkBytes: Int = SearchIndexFiles.defaultChunkBytes, write: @escaping Write) {
        let publicationsDigest = SearchState.publicationsDigest(source.publications)
        let urlDigests = source.urls.map(SearchChunks.boundaryHash(url:))
        let files = Files(write: write)
        if let previous, previous.publicationsDigest == publicationsDigest,
           let numbering = SearchRenumbering(previous: previous.urlDigests, current: urlDigests) {
            (state, kept) = Self.patch(previous, numbering: numbering, urlDigests: urlDigests, source: source, earlier: earlier,
                                       chunkBytes: chunkBytes, files: files)
        } else {
            state = Self.make(publicationsDigest: publicationsDigest, urlDigests: urlDigests, source: source, chunkBytes: chunkBytes, files: files)
            kept = []
        }
        written = files.written
        failure = files.failure
    }

    /// From scratch, a batch of documents at a time: tokens into the postings, rows into chunks.
    /// Runs beside page rendering, so it keeps to its own thread.
    private static func make(publicationsDigest: UInt64, urlDigests: [UInt64], source: SearchDocumentSource, chunkBytes: Int,
                             files: Files) -> SearchState {
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
        return SearchState(publicationsDigest: publicationsDigest, urlDigests: urlDigests, documentDigests: digests, rowSizes: text.rowSizes,
                           tokens: postings.tokens, postings: postings.lists)
    }

    /// The previous index with the changed and removed documents taken out, the new and changed ones
    /// put in and the others numbered again; returns the new state and the files to keep.
    private static func patch(_ previous: SearchState, numbering: SearchRenumbering, urlDigests: [UInt64], source: SearchDocumentSource,
                              earlier: EarlierSearchDocuments?, chunkBytes: Int, files: Files) -> (SearchState, [String]) {
        let previousStarts = SearchChunks.starts(rowSizes: previous.rowSizes, boundaryHashes: previous.urlDigests, chunkBytes: chunkBytes)
        let previousShardCount = SearchIndexFiles.shardCount(tokens: previous.tokens, postings: previous.postings)

        // Which documents are new or changed: only those are made.
        let digests = ParallelMap.map(count: source.count, source.digest)
        let changed = digests.indices.filter { number in
            numbering.previous[number].map { digests[number] != previous.documentDigests[$0] } ?? true
        }
        guard !changed.isEmpty || !numbering.isIdentity else {
            return (previous, [SearchIndexFiles.metaPath] + (0..<previousShardCount).map { SearchIndexFiles.shardPath($0, count: previousShardCount) }
                + previousStarts.map(SearchIndexFiles.textPath(firstDocument:)))
        }
        let made = ParallelMap.map(count: changed.count) { source.document(changed[$0]) }
        // The previous versions of the changed documents, when `earlier` knows the ones indexed.
        let indexed = earlier.flatMap { earlier -> [SearchDocument]? in
            var documents: [SearchDocument] = []
            for number in changed {
                guard let previousNumber = numbering.previous[number] else { continue }
                guard let version = earlier.version(number, previousNumber), version.digest == previous.documentDigests[previousNumber] else { return nil }
                documents.append(version.document)
            }
            return documents
        }
        let patch = SearchIndexPatch(tokens: previous.tokens, postings: previous.postings, numbering: numbering,
                                     changed: Array(zip(changed, made)), indexed: indexed)
        var changedRows: [Int: String] = [:]
        var rowSizes = numbering.previous.map { $0.map { previous.rowSizes[$0] } ?? 0 }
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

        // A chunk is kept when the previous build had one with the same numbers, holding the same
        // documents, none of them changed.
        func ranges(_ starts: [Int], count: Int) -> [Range<Int>] {
            starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : count) }
        }
        let starts = SearchChunks.starts(rowSizes: rowSizes, boundaryHashes: urlDigests, chunkBytes: chunkBytes)
        let previousRanges = Set(ranges(previousStarts, count: previous.documentDigests.count))
        for range in ranges(starts, count: source.count) {
            let path = SearchIndexFiles.textPath(firstDocument: range.lowerBound)
            if previousRanges.contains(range) && range.allSatisfy({ numbering.previous[$0] == $0 && changedRows[$0] == nil }) {
                kept.append(path)
            } else {
                files.emit(path, SearchIndexFiles.textFile(firstDocument: range.lowerBound, rows: range.map { changedRows[$0] ?? SearchIndexFiles.row(source.document($0)) }))
            }
        }
        files.emit(SearchIndexFiles.metaPath, SearchIndexFiles.meta(documentCount: source.count, shardCount: shardCount, publications: source.publications, chunkStarts: starts))
        let live = patch.postings.indices.filter { patch.postings[$0].count > 0 }
        let state = SearchState(publicationsDigest: previous.publicationsDigest, urlDigests: urlDigests, documentDigests: digests, rowSizes: rowSizes,
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
