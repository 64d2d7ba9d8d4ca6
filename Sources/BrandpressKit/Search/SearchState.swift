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
}
