/// What a build keeps of its search index, so that the next build can patch the index where pages
/// changed instead of tokenizing every page again.
struct SearchState: Sendable {
    /// Of the index format and the publications: while it is the same, the index can be patched.
    var publicationsDigest: UInt64
    /// Per document, of its address (`SearchChunks.boundaryHash(url:)`): which documents kept,
    /// gained or lost their numbers (`SearchRenumbering`), and where the text chunks ended.
    var urlDigests: [UInt64]
    /// Per document, of everything its row and its tokens are made from (`SearchDocumentSource.digest`).
    var documentDigests: [UInt64]
    /// Per document, the bytes of its row in its text chunk.
    var rowSizes: [Int]
    /// The inverted index: tokens with a posting list each, in no particular order.
    var tokens: [String]
    var postings: [PostingList]

    static func publicationsDigest(_ publications: [String]) -> UInt64 {
        var hash = StableHash()
        hash.add(SearchIndexFiles.formatVersion)
        hash.add(publications.count)
        for title in publications { hash.add(title) }
        return hash.value
    }

    static func digest(of document: SearchDocument) -> UInt64 {
        var hash = StableHash()
        hash.add(document.title)
        hash.add(document.publication)
        hash.add(document.headings.count)
        for heading in document.headings { hash.add(heading) }
        hash.add(document.meta)
        hash.add(document.body)
        return hash.value
    }

    /// `flush` is called between posting lists, so that the lists need not all be in the writer at once.
    func write(to writer: inout ByteWriter, flush: (inout ByteWriter) throws -> Void) rethrows {
        writer.write(publicationsDigest)
        writer.write(urlDigests) { $0.write($1) }
        writer.write(documentDigests) { $0.write($1) }
        writer.write(rowSizes) { $0.write($1) }
        writer.write(tokens.count)
        for (token, list) in zip(tokens, postings) {
            writer.write(token)
            writer.write(bytes: list.bytes)
            writer.write(list.count)
            writer.write(list.last)
            try flush(&writer)
        }
    }

    static func read(_ reader: inout ByteReader) -> SearchState? {
        guard let publicationsDigest = reader.uint64(),
              let urlDigests = reader.array({ $0.uint64() }),
              let digests = reader.array({ $0.uint64() }),
              let rowSizes = reader.array({ $0.int() }),
              let entries = reader.array({ reader -> (String, PostingList)? in
                  guard let token = reader.string(), let bytes = reader.byteArray(), let count = reader.int(), let last = reader.int(),
                        let list = PostingList(bytes: bytes, count: count, last: last) else { return nil }
                  return (token, list)
              }),
              digests.count == rowSizes.count, digests.count == urlDigests.count
        else { return nil }
        return SearchState(publicationsDigest: publicationsDigest, urlDigests: urlDigests, documentDigests: digests, rowSizes: rowSizes, tokens: entries.map(\.0), postings: entries.map(\.1))
    }
}
