import Foundation
@testable import BrandpressKit

/// Reads a built `search/` folder and answers queries the way `Templates/assets/search.js` does:
/// every token of every term from its shard, then each term as a substring of the page's text.
struct SearchIndexReader {
    struct Row {
        var title: String
        var url: String
        var publication: Int
        var searchable: String
        /// `searchable` normalized, what terms are looked for in.
        var normalized: String
    }

    let folder: URL
    let shardCount: Int
    let publications: [String]
    let chunkStarts: [Int]
    let rows: [Row]
    /// Shard name → its token table, read on first use.
    private let shards = ShardCache()

    init(folder: URL) throws {
        self.folder = folder
        let meta = try Self.arguments(folder.appendingPathComponent("meta.js"), function: "meta")[0] as! [String: Any]
        shardCount = meta["shards"] as! Int
        publications = meta["publications"] as! [String]
        chunkStarts = meta["chunks"] as! [Int]
        var rows: [Row] = []
        for first in chunkStarts {
            let arguments = try Self.arguments(folder.appendingPathComponent("text-\(first).js"), function: "text")
            precondition(arguments[0] as! Int == first)
            for case let row as [Any] in arguments[1] as! [Any] {
                let fields = [row[0], row[3], row[4], row[5]].map { $0 as! String }
                rows.append(Row(title: fields[0], url: row[1] as! String, publication: row[2] as! Int, searchable: fields.joined(separator: "\n"), normalized: SearchTokenizer.normalize(fields.joined(separator: "\n"))))
            }
        }
        self.rows = rows
    }

    /// The JSON arguments of `window.__bpSearch.NAME(…);`.
    static func arguments(_ file: URL, function: String) throws -> [Any] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let prefix = "window.__bpSearch.\(function)("
        precondition(text.hasPrefix(prefix) && text.hasSuffix(");\n"), "\(file.lastPathComponent) is not a \(function) call")
        let json = "[" + text.dropFirst(prefix.count).dropLast(3) + "]"
        return try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as! [Any]
    }

    /// Token → (document id → field mask), from the token's shard.
    func postings(_ token: String) throws -> [Int: Int] {
        let name = SearchShards.name(of: SearchShards.shard(of: token, count: shardCount), count: shardCount)
        let table = try shards.table(name) {
            let arguments = try Self.arguments(folder.appendingPathComponent("shard-\(name).js"), function: "shard")
            precondition(arguments[0] as! String == name)
            return arguments[1] as! [String: [Int]]
        }
        let list = table[token] ?? []
        var result: [Int: Int] = [:]
        var id = 0
        for index in stride(from: 0, to: list.count, by: 2) {
            id += list[index]
            result[id] = list[index + 1]
        }
        return result
    }

    /// Result URLs in rank order.
    func search(_ query: String) throws -> [String] {
        let terms = SearchQuery(query).terms
        guard !terms.isEmpty else { return [] }
        var scores: [Int: Int]?
        for token in terms.flatMap(\.tokens) {
            let postings = try postings(token)
            var next: [Int: Int] = [:]
            for (id, mask) in postings where scores == nil || scores![id] != nil {
                next[id] = (scores?[id] ?? 0) + SearchIndex.score(mask: mask)
            }
            scores = next
        }
        let ranked = (scores ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        return ranked.filter { id in
            terms.allSatisfy { rows[id].normalized.contains($0.text) }
        }.map { rows[$0].url }
    }

    /// The pages that hold every term, by reading every page: what `search` must return.
    func bruteForce(_ query: String) -> Set<String> {
        let terms = SearchQuery(query).terms
        guard !terms.isEmpty else { return [] }
        return Set(rows.filter { row in
            terms.allSatisfy { row.normalized.contains($0.text) }
        }.map(\.url))
    }
}

/// Parsed shards, kept for the next query; tests use one reader on one thread.
private final class ShardCache {
    var tables: [String: [String: [Int]]] = [:]

    func table(_ name: String, load: () throws -> [String: [Int]]) rethrows -> [String: [Int]] {
        if let table = tables[name] { return table }
        let table = try load()
        tables[name] = table
        return table
    }
}
