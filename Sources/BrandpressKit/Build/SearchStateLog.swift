import Foundation

/// The search index's state (`SearchState`) in a file of its own beside the build cache, as blocks:
/// the first holds the whole state, each later one what a rebuild changed — the per-document tables
/// whole (24 bytes a document) and the posting lists that changed, were added or are gone. Writing
/// all the lists (7.5 MB at 10,000 pages) was most of what recording a one-page rebuild still cost.
/// After eight appended blocks, or when the appended lists reach a quarter of all, it is written
/// whole again.
///
/// Every block ends with a generation, which the build cache records beside its other tables: a
/// state whose last block is not of the cache's generation (a build stopped between writing the one
/// and the other) is not used, and the index is made anew.
enum SearchStateLog {
    /// A state read from the file, with what decides whether to append to it.
    struct Loaded: Sendable {
        var state: SearchState
        /// Blocks after the first, and the lists they held.
        var appendedBlocks: Int
        var appendedLists: Int
    }

    static let formatVersion = "brandpress-search-state-1"

    static func file(in folder: URL, output: URL) -> URL {
        CacheFile.file("search", in: folder, for: output)
    }

    /// The state the blocks leave, when the last one is of `generation`; nil otherwise, or when the
    /// file does not read.
    static func load(from file: URL, generation: UInt64) -> Loaded? {
        guard var reader = CacheFile.reader(file, format: formatVersion) else { return nil }
        var state = SearchState(publicationsDigest: 0, urlDigests: [], documentDigests: [], rowSizes: [], tokens: [], postings: [])
        var positions: [String: Int] = [:]
        var gone: Set<Int> = []
        var blocks = 0, appendedLists = 0
        var lastGeneration: UInt64?
        while !reader.isAtEnd {
            guard let publicationsDigest = reader.uint64(), let urlDigests = reader.array({ $0.uint64() }),
                  let documentDigests = reader.array({ $0.uint64() }), let rowSizes = reader.array({ $0.int() }),
                  documentDigests.count == urlDigests.count, rowSizes.count == urlDigests.count,
                  let count = reader.int(), count >= 0 else { return nil }
            state.publicationsDigest = publicationsDigest
            state.urlDigests = urlDigests
            state.documentDigests = documentDigests
            state.rowSizes = rowSizes
            if blocks == 0 {
                positions.reserveCapacity(count)
                state.tokens.reserveCapacity(count)
                state.postings.reserveCapacity(count)
            } else {
                appendedLists += count
            }
            for _ in 0..<count {
                guard let token = reader.string(), let isPresent = reader.bool() else { return nil }
                guard isPresent else {
                    guard let position = positions[token] else { return nil }
                    gone.insert(position)
                    continue
                }
                guard let bytes = reader.byteArray(), let listCount = reader.int(), let last = reader.int(),
                      let list = PostingList(bytes: bytes, count: listCount, last: last) else { return nil }
                if let position = positions[token] {
                    state.postings[position] = list
                    gone.remove(position)
                } else {
                    positions[token] = state.tokens.count
                    state.tokens.append(token)
                    state.postings.append(list)
                }
            }
            guard let blockGeneration = reader.uint64() else { return nil }
            lastGeneration = blockGeneration
            blocks += 1
        }
        guard lastGeneration == generation else { return nil }
        if !gone.isEmpty {
            let kept = state.tokens.indices.filter { !gone.contains($0) }
            state.tokens = kept.map { state.tokens[$0] }
            state.postings = kept.map { state.postings[$0] }
        }
        return Loaded(state: state, appendedBlocks: blocks - 1, appendedLists: appendedLists)
    }

    /// Stores `state` in `file`: by appending what changed since `previous` (the state last read
    /// from it) when that is worth it, else whole. Returns the generation to record with it; nil
    /// when it could not be written.
    static func store(_ state: SearchState, previous: Loaded?, to file: URL) -> UInt64? {
        let generation = UInt64.random(in: 1...UInt64.max)
        if let previous, previous.appendedBlocks < 8 {
            let changes = changedLists(from: previous.state, to: state)
            if (previous.appendedLists + changes.count) * 4 <= state.tokens.count {
                var writer = ByteWriter()
                writeTables(of: state, listCount: changes.count, to: &writer)
                for (token, list) in changes { write(token, list, to: &writer) }
                writer.write(generation)
                if CacheFile.append(writer.bytes, to: file) { return generation }
            }
        }
        let stored = CacheFile.replace(file, format: formatVersion) { writer, flush in
            writeTables(of: state, listCount: state.tokens.count, to: &writer)
            for (token, list) in zip(state.tokens, state.postings) {
                write(token, list, to: &writer)
                try flush(&writer)
            }
            writer.write(generation)
        }
        return stored ? generation : nil
    }

    /// The lists of `new` that `old` does not have as they are, in `new`'s order, then the tokens
    /// `old` has and `new` has not (nil lists).
    static func changedLists(from old: SearchState, to new: SearchState) -> [(token: String, list: PostingList?)] {
        var oldPositions = [String: Int](minimumCapacity: old.tokens.count)
        for (position, token) in old.tokens.enumerated() { oldPositions[token] = position }
        var changes: [(token: String, list: PostingList?)] = []
        var shared = 0
        for position in new.tokens.indices {
            if let oldPosition = oldPositions[new.tokens[position]] {
                shared += 1
                if old.postings[oldPosition] == new.postings[position] { continue }
            }
            changes.append((new.tokens[position], new.postings[position]))
        }
        if shared < old.tokens.count {
            let tokens = Set(new.tokens)
            for token in old.tokens where !tokens.contains(token) { changes.append((token, nil)) }
        }
        return changes
    }

    private static func writeTables(of state: SearchState, listCount: Int, to writer: inout ByteWriter) {
        writer.write(state.publicationsDigest)
        writer.write(state.urlDigests) { $0.write($1) }
        writer.write(state.documentDigests) { $0.write($1) }
        writer.write(state.rowSizes) { $0.write($1) }
        writer.write(listCount)
    }

    private static func write(_ token: String, _ list: PostingList?, to writer: inout ByteWriter) {
        writer.write(token)
        writer.write(list != nil)
        guard let list else { return }
        writer.write(bytes: list.bytes)
        writer.write(list.count)
        writer.write(list.last)
    }
}
