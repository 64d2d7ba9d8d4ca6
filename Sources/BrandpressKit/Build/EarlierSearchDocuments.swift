/// What the previous search index was made from, for the documents that changed since: a patch takes
/// such a document out of the lists of its tokens instead of reading every list up to it (most of
/// what a one-page rebuild's patch cost). Each version is checked against the digest the previous
/// index recorded for it, so one that is not what was indexed is never used.
struct EarlierSearchDocuments: Sendable {
    /// The earlier version of the current document `number`, whose previous number is
    /// `previousNumber`, with its digest (`SearchDocuments.digest`); nil when not known.
    let version: @Sendable (_ number: Int, _ previousNumber: Int) -> (digest: UInt64, document: SearchDocument)?

    /// `serve`: the last build's pages, by their numbers then.
    init(pages source: SearchDocumentSource) {
        version = { _, previousNumber in
            previousNumber < source.count ? (source.digest(previousNumber), source.document(previousNumber)) : nil
        }
    }

    /// `build`: each page as it was, from its source before this build read it again (the page-source
    /// entry its file replaced, `replacedSources`, by path; the page's own when its file did not
    /// change) and its rendering before (`renderings`: the rendered-Markdown cache as this build
    /// found it).
    init(model: SiteModel, replacedSources: [String: PageSourceCache.Entry], renderings: [String: BuildCache.MarkdownEntry]) {
        let pages = model.pages, sections = model.topSections
        version = { number, _ in
            guard number < pages.count, let rendering = renderings[pages[number].path] else { return nil }
            var page = pages[number]
            if let entry = replacedSources[page.path] {
                let source = page.source.described(by: entry)
                guard let title = source.title else { return nil }
                page.source = source
                page.title = title
            }
            page.rendered = rendering.rendered
            return (SearchDocuments.digest(of: page, sections: sections), SearchDocuments.document(of: page, sections: sections))
        }
    }
}
