import Foundation

/// The search index of one build: its files, or none when the documents are the same as the
/// previous build's, whose files are then kept.
struct SearchBuild: Sendable {
    /// Of the documents and publication titles the index is made from.
    let digest: UInt64
    /// nil: reuse the previous build's `search/` folder.
    let files: [String: Data]?

    init(model: SiteModel, previousDigest: UInt64?) {
        let (documents, publications) = SearchDocuments.make(from: model)
        var hash = StableHash()
        hash.add(SearchIndexFiles.formatVersion)
        hash.add(publications.count)
        for title in publications { hash.add(title) }
        hash.add(documents.count)
        for document in documents {
            hash.add(document.title)
            hash.add(document.url)
            hash.add(document.publication)
            hash.add(document.headings.count)
            for heading in document.headings { hash.add(heading) }
            hash.add(document.meta)
            hash.add(document.body)
        }
        digest = hash.value
        files = digest == previousDigest ? nil : SearchIndexFiles(SearchIndex(documents: documents, publications: publications)).files
    }
}
