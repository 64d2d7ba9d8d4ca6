import Foundation

/// The search index of one build: the files to write and the previous build's files to keep.
///
/// When the previous index describes the same documents in the same order, only the documents whose
/// text changed are tokenized again, and only the shards and text chunks they touch are made;
/// otherwise the index is made from every document.
struct SearchBuild: Sendable {
    /// What the next build patches.
    let state: SearchState
    /// Site paths under `search/` to write, with their bytes …
    let files: [String: Data]
    /// … and those to take unchanged from the previous output.
    let kept: [String]

    init(model: SiteModel, previous: SearchState?) {
        let (documents, publications) = SearchDocuments.make(from: model)
        self.init(documents: documents, publications: publications, previous: previous)
    }

    init(documents: [SearchDocument], publications: [String], previous: SearchState?, chunkBytes: Int = SearchIndexFiles.defaultChunkBytes) {
        let identity = SearchState.identity(of: documents, publications: publications)
        let digests = ParallelMap.map(count: documents.count) { SearchState.digest(of: documents[$0]) }
        let boundaryHashes = documents.map(SearchChunks.boundaryHash)
        guard let previous, previous.identity == identity, previous.documentDigests.count == documents.count else {
            let index = SearchIndex(documents: documents, publications: publications)
            let shardCount = SearchIndexFiles.shardCount(tokens: index.tokens, postings: index.postings)
            var files: [String: Data] = [:]
            for (path, data) in SearchIndexFiles.shardFiles(tokens: index.tokens, postings: index.postings, shardCount: shardCount, only: nil) { files[path] = data }
            let text = SearchIndexFiles.allTextFiles(documents: documents, chunkBytes: chunkBytes)
            for (path, data) in text.files { files[path] = data }
            files[SearchIndexFiles.metaPath] = SearchIndexFiles.meta(documentCount: documents.count, shardCount: shardCount, publications: publications, chunkStarts: text.starts)
            self.files = files
            kept = []
            state = SearchState(identity: identity, documentDigests: digests, rowSizes: text.rowSizes, tokens: index.tokens, postings: index.postings)
            return
        }

        let changed = digests.indices.filter { digests[$0] != previous.documentDigests[$0] }
        let previousStarts = SearchChunks.starts(rowSizes: previous.rowSizes, boundaryHashes: boundaryHashes, chunkBytes: chunkBytes)
        let previousShardCount = SearchIndexFiles.shardCount(tokens: previous.tokens, postings: previous.postings)
        let previousShards = (0..<previousShardCount).map { SearchIndexFiles.shardPath($0, count: previousShardCount) }
        guard !changed.isEmpty else {
            files = [:]
            kept = [SearchIndexFiles.metaPath] + previousShards + previousStarts.map(SearchIndexFiles.textPath(firstDocument:))
            state = previous
            return
        }

        let patch = SearchIndexPatch(tokens: previous.tokens, postings: previous.postings, documents: documents, changed: changed)
        var changedRows: [Int: String] = [:]
        var rowSizes = previous.rowSizes
        for document in changed {
            let row = SearchIndexFiles.row(documents[document])
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

        // A chunk is kept when the previous build had one with the same documents, none of them changed.
        func ranges(_ starts: [Int]) -> [Range<Int>] {
            starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : documents.count) }
        }
        let previousRanges = Set(ranges(previousStarts))
        let changedSet = Set(changed)
        var changedChunks: Set<Int> = []
        for (chunk, range) in ranges(starts).enumerated() {
            if previousRanges.contains(range) && !range.contains(where: changedSet.contains) {
                kept.append(SearchIndexFiles.textPath(firstDocument: range.lowerBound))
            } else {
                changedChunks.insert(chunk)
            }
        }

        var files: [String: Data] = [:]
        for (path, data) in SearchIndexFiles.shardFiles(tokens: patch.tokens, postings: patch.postings, shardCount: shardCount, only: changedShards) { files[path] = data }
        let rows: (Int) -> String = { changedRows[$0] ?? SearchIndexFiles.row(documents[$0]) }
        for (path, data) in SearchIndexFiles.textFiles(rows: rows, starts: starts, documentCount: documents.count, only: changedChunks) { files[path] = data }
        files[SearchIndexFiles.metaPath] = SearchIndexFiles.meta(documentCount: documents.count, shardCount: shardCount, publications: publications, chunkStarts: starts)
        self.files = files
        self.kept = kept
        let live = patch.postings.indices.filter { patch.postings[$0].count > 0 }
        state = SearchState(identity: identity, documentDigests: digests, rowSizes: rowSizes,
                            tokens: live.map { patch.tokens[$0] }, postings: live.map { patch.postings[$0] })
    }
}
