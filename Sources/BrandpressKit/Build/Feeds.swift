import Foundation

/// The Atom feed of stories and the sitemap: the only files with absolute URLs, so they need `base_url`.
enum Feeds {
    /// Escaping for XML text and attributes: the same five characters as HTML attributes.
    static func xml(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }

    /// Absolute URL of a site path under `base_url`, each segment percent-encoded.
    static func absolute(_ baseURL: String, _ sitePath: String) -> String {
        baseURL + SitePath.encoded(sitePath)
    }

    static func atom(_ stories: Stories, model: SiteModel, baseURL: String) -> String {
        let entries = stories.stories.prefix(50)
        let updated = entries.compactMap { model.pages[$0].frontMatter.date }.max()?.rfc3339 ?? "1970-01-01T00:00:00+08:00"
        let feedURL = absolute(baseURL, stories.feedPath)
        var text = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xml(model.config.language))">
          <title>\(xml(stories.title)) · \(xml(model.config.title))</title>
          <id>\(xml(feedURL))</id>
          <link rel="self" type="application/atom+xml" href="\(xml(feedURL))"/>
          <link rel="alternate" type="text/html" href="\(xml(absolute(baseURL, stories.indexPaths[0])))"/>
          <updated>\(updated)</updated>
          <author><name>\(xml(model.config.organisation.isEmpty ? model.config.title : model.config.organisation))</name></author>
          <generator>brandpress</generator>

        """
        for index in entries {
            let page = model.pages[index]
            let url = absolute(baseURL, page.outputPath)
            let date = page.frontMatter.date?.rfc3339 ?? updated
            text += "  <entry>\n"
            text += "    <title>\(xml(page.title))</title>\n"
            text += "    <id>\(xml(url))</id>\n"
            text += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url))\"/>\n"
            text += "    <published>\(date)</published>\n    <updated>\(date)</updated>\n"
            if let author = page.frontMatter.string("author"), !author.isEmpty {
                text += "    <author><name>\(xml(author))</name></author>\n"
            }
            for tag in page.frontMatter.tags { text += "    <category term=\"\(xml(tag))\"/>\n" }
            if !page.summary.isEmpty { text += "    <summary>\(xml(page.summary))</summary>\n" }
            text += "  </entry>\n"
        }
        return text + "</feed>\n"
    }

    static let sitemapPath = "sitemap.xml"

    /// Where the feeds and the sitemap go: they are made only when `base_url` is set.
    static func paths(of publications: Publications, config: SiteConfig) -> [String] {
        config.baseURL == nil ? [] : publications.stories.map(\.feedPath) + [sitemapPath]
    }

    static func sitemap(paths: [String], baseURL: String) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            text += "  <url><loc>\(xml(absolute(baseURL, path)))</loc></url>\n"
        }
        return text + "</urlset>\n"
    }
}
