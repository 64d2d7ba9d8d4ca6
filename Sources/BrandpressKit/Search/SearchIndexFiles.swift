import Foundation

/// The index as files under `search/`, each a script that hands its data to `window.__bpSearch`
/// (a `<script src>` works from `file://`, where `fetch` of a local file does not):
///
/// - `meta.js`: `meta({v, count, shards, publications, chunks})`; `chunks[k]` is the first document of `text-k.js`.
/// - `shard-XX.js`: `shard("XX", {token: [id, mask, id, mask, …]})`; ids are gaps from the previous id.
/// - `text-K.js`: `text(K, [[title, url, publication, headings, meta, body], …])` for the chunk's documents.
public struct SearchIndexFiles {
    public static let folder = "search"
    public static let formatVersion = 1

    public var shardCount: Int
    public var chunkStarts: [Int]
    public var files: [String: Data]

    public init(_ index: SearchIndex, chunkBytes: Int = 10_000) {
        var estimate = 0
        for (token, postings) in zip(index.tokens, index.postings) { estimate += token.utf8.count + 6 + postings.count * 4 }
        shardCount = SearchShards.count(forEstimatedBytes: estimate)
        var files: [String: Data] = [:]

        // Token positions per shard, each shard's tokens in sorted order so the files are reproducible.
        var shards = Array(repeating: [Int](), count: shardCount)
        for position in index.tokens.indices.sorted(by: { index.tokens[$0] < index.tokens[$1] }) {
            shards[SearchShards.shard(of: index.tokens[position], count: shardCount)].append(position)
        }
        let count = shardCount
        let tokenLists = shards
        let tokens = index.tokens
        let postings = index.postings
        let scripts = ParallelMap.map(count: count) { shard -> (String, Data) in
            let name = SearchShards.name(of: shard, count: count)
            let entries = tokenLists[shard].map { SearchJSON.string(tokens[$0]) + ":" + SearchJSON.numbers(postings[$0].gapsAndMasks) }
            return ("\(Self.folder)/shard-\(name).js", Self.script("shard", "\"\(name)\",{" + entries.joined(separator: ",") + "}"))
        }
        for (path, data) in scripts { files[path] = data }

        var starts: [Int] = []
        var rows: [String] = []
        var size = 0
        func flush() {
            guard !rows.isEmpty else { return }
            files["\(Self.folder)/text-\(starts.count - 1).js"] = Self.script("text", "\(starts.count - 1)," + SearchJSON.array(rows))
            rows = []
            size = 0
        }
        for (id, document) in index.documents.enumerated() {
            if rows.isEmpty { starts.append(id) }
            let row = SearchJSON.array([
                SearchJSON.string(document.title), SearchJSON.string(document.url), String(document.publication),
                SearchJSON.string(document.headings.joined(separator: "\n")), SearchJSON.string(document.meta), SearchJSON.string(document.body),
            ])
            rows.append(row)
            size += row.utf8.count
            if size >= chunkBytes { flush() }
        }
        flush()
        chunkStarts = starts

        let meta = "{\"v\":\(Self.formatVersion),\"count\":\(index.documents.count),\"shards\":\(shardCount),"
            + "\"publications\":\(SearchJSON.array(index.publications.map(SearchJSON.string))),\"chunks\":\(SearchJSON.numbers(starts))}"
        files["\(Self.folder)/meta.js"] = Self.script("meta", meta)
        self.files = files
    }

    public init(model: SiteModel) {
        let (documents, publications) = SearchDocuments.make(from: model)
        self.init(SearchIndex(documents: documents, publications: publications))
    }

    static func script(_ function: String, _ arguments: String) -> Data {
        Data("window.__bpSearch.\(function)(\(arguments));\n".utf8)
    }
}
