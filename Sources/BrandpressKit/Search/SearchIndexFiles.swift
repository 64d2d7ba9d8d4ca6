import Foundation

/// The index as files under `search/`, each a script that hands its data to `window.__bpSearch`
/// (a `<script src>` works from `file://`, where `fetch` of a local file does not):
///
/// - `meta.js`: `meta({v, count, shards, publications, chunks})`; `chunks[k]` is the first document of `text-k.js`.
/// - `shard-XX.js`: `shard("XX", {token: [id, mask, id, mask, …]})`; ids are gaps from the previous id.
/// - `text-N.js`: `text(N, [[title, url, publication, headings, meta, body], …])` for the documents of
///   the chunk that starts with document N (named by its first document, not its place among the
///   chunks, so that a chunk ending elsewhere does not rename every chunk after it).
///
/// Each part can be made alone, so that a rebuild after an edit makes only the files it changed.
public struct SearchIndexFiles {
    public static let folder = "search"
    public static let formatVersion = 2
    public static let defaultChunkBytes = 10_000

    public var shardCount: Int
    public var chunkStarts: [Int]
    public var files: [String: Data]

    public init(_ index: SearchIndex, chunkBytes: Int = defaultChunkBytes) {
        shardCount = Self.shardCount(tokens: index.tokens, postings: index.postings)
        var files: [String: Data] = [:]
        for (path, data) in Self.shardFiles(tokens: index.tokens, postings: index.postings, shardCount: shardCount, only: nil) { files[path] = data }
        var text = SearchTextChunks(chunkBytes: chunkBytes)
        for document in index.documents {
            if let (path, data) = text.add(document) { files[path] = data }
        }
        if let (path, data) = text.finish() { files[path] = data }
        chunkStarts = text.starts
        files[Self.metaPath] = Self.meta(documentCount: index.documents.count, shardCount: shardCount, publications: index.publications, chunkStarts: chunkStarts)
        self.files = files
    }

    public init(model: SiteModel) {
        let (documents, publications) = SearchDocuments.make(from: model)
        self.init(SearchIndex(documents: documents, publications: publications))
    }

    static let metaPath = "\(folder)/meta.js"

    /// A power of two, from an estimate of the postings' size. Tokens without postings do not count.
    static func shardCount(tokens: [String], postings: [PostingList]) -> Int {
        var estimate = 0
        for (token, list) in zip(tokens, postings) where list.count > 0 { estimate += token.utf8.count + 6 + list.count * 4 }
        return SearchShards.count(forEstimatedBytes: estimate)
    }

    static func shardPath(_ shard: Int, count: Int) -> String {
        "\(folder)/shard-\(SearchShards.name(of: shard, count: count)).js"
    }

    static func textPath(firstDocument: Int) -> String {
        "\(folder)/text-\(firstDocument).js"
    }

    /// The shard files (all, or the shards in `only`), each shard's tokens in sorted order so the
    /// files are reproducible. Tokens whose list is empty are left out.
    static func shardFiles(tokens: [String], postings: [PostingList], shardCount: Int, only: Set<Int>?) -> [(String, Data)] {
        shardFiles(tokens: tokens, postings: postings, shardCount: shardCount, only: only) { ($0, $1) }
    }

    /// The same, each file handed to `handle` as soon as it is made (on any core) and not kept.
    static func shardFiles<Result: Sendable>(tokens: [String], postings: [PostingList], shardCount: Int, only: Set<Int>?,
                                             _ handle: @Sendable (String, Data) -> Result) -> [Result] {
        var shards = Array(repeating: [Int](), count: shardCount)
        for position in tokens.indices where postings[position].count > 0 {
            let shard = SearchShards.shard(of: tokens[position], count: shardCount)
            if only?.contains(shard) ?? true { shards[shard].append(position) }
        }
        let wanted = only.map { $0.sorted() } ?? Array(0..<shardCount)
        let lists = shards
        return ParallelMap.map(count: wanted.count) { item -> Result in
            let shard = wanted[item]
            let name = SearchShards.name(of: shard, count: shardCount)
            let entries = lists[shard].sorted { tokens[$0] < tokens[$1] }.map { SearchJSON.string(tokens[$0]) + ":" + SearchJSON.numbers(postings[$0].gapsAndMasks) }
            return handle(shardPath(shard, count: shardCount), script("shard", "\"\(name)\",{" + entries.joined(separator: ",") + "}"))
        }
    }

    /// One document's row in its text chunk.
    static func row(_ document: SearchDocument) -> String {
        SearchJSON.array([
            SearchJSON.string(document.title), SearchJSON.string(document.url), String(document.publication),
            SearchJSON.string(document.headings.joined(separator: "\n")), SearchJSON.string(document.meta), SearchJSON.string(document.body),
        ])
    }

    static func textFile(firstDocument: Int, rows: [String]) -> Data {
        script("text", "\(firstDocument)," + SearchJSON.array(rows))
    }

    static func meta(documentCount: Int, shardCount: Int, publications: [String], chunkStarts: [Int]) -> Data {
        script("meta", "{\"v\":\(formatVersion),\"count\":\(documentCount),\"shards\":\(shardCount),"
            + "\"publications\":\(SearchJSON.array(publications.map(SearchJSON.string))),\"chunks\":\(SearchJSON.numbers(chunkStarts))}")
    }

    static func script(_ function: String, _ arguments: String) -> Data {
        Data("window.__bpSearch.\(function)(\(arguments));\n".utf8)
    }
}
