import Foundation

/// The handbook's print view: every page rendered again as part of one long page, so that links
/// between its pages become in-page anchors and heading ids stay unique.
enum PrintView {
    /// `handbook/basics/purpose.html` → `handbook-basics-purpose`: the anchor of that page in the print view.
    static func anchor(for outputPath: String) -> String {
        let stem = outputPath.hasSuffix(".html") ? String(outputPath.dropLast(5)) : outputPath
        return "print-" + stem.replacingOccurrences(of: "/", with: "-")
    }

    /// The print view's HTML of every page of the handbook, by page index, what the build cache keeps
    /// of it, and a key of all its pages' keys in reading order (what `print.html` is made from).
    static func render(_ handbook: Handbook, model: SiteModel, resolver: LinkResolver, options: MarkdownOptions,
                       keys: MarkdownCacheKeys, cached: [String: BuildCache.PrintEntry])
        -> (html: [Int: String], entries: [String: BuildCache.PrintEntry], key: UInt64) {
        let inBook = Set(handbook.readingOrder)
        let pages = handbook.readingOrder
        // The pages in the book and where they go: their anchors here are made from their addresses,
        // which the pages' Markdown keys (`MarkdownCacheKeys.content`) do not hold.
        var book = StableHash()
        for index in pages {
            book.add(model.pages[index].path)
            book.add(model.pages[index].outputPath)
        }
        let bookDigest = book.value
        let rendered = ParallelMap.map(count: pages.count) { offset -> BuildCache.PrintEntry in
            let page = model.pages[pages[offset]]
            let key = MarkdownCacheKeys.printKey(keys.content[pages[offset]], printPath: handbook.printPath, bookDigest: bookDigest)
            if let entry = cached[page.path], entry.key == key { return entry }
            let prefix = anchor(for: page.outputPath)
            let result = MarkdownRenderer.render(page.body, options: options) { destination, _ in
                if let (target, fragment) = resolver.pageTarget(of: destination, sourcePath: page.path), inBook.contains(target) {
                    return .rewrite("#" + anchor(for: model.pages[target].outputPath) + (fragment.map { "-" + $0 } ?? ""))
                }
                return resolver.resolve(destination, sourcePath: page.path, outputPath: handbook.printPath)
            }
            return BuildCache.PrintEntry(key: key, html: prefixHeadingIDs(result.html, with: prefix + "-"))
        }
        var key = StableHash()
        for entry in rendered { key.add(entry.key) }
        return (Dictionary(uniqueKeysWithValues: zip(pages, rendered.map(\.html))),
                Dictionary(zip(pages.map { model.pages[$0].path }, rendered), uniquingKeysWith: { first, _ in first }),
                key.value)
    }

    /// Heading ids are the only ids brandpress writes into page bodies. One pass over the bytes.
    static func prefixHeadingIDs(_ html: String, with prefix: String) -> String {
        let opening = Array(#"<h1 id=""#.utf8)
        let prefixBytes = Array(prefix.utf8)
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                out.append(byte)
                index += 1
                guard byte == UInt8(ascii: "<"), bytes.count - index >= opening.count - 1 else { continue }
                // `<` is already copied: compare `h`, the level and ` id="`.
                let level = bytes[index + 1]
                guard bytes[index] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(level),
                      bytes[(index + 2)..<(index + opening.count - 1)].elementsEqual(opening[3...]) else { continue }
                out.append(contentsOf: bytes[index..<(index + opening.count - 1)])
                out.append(contentsOf: prefixBytes)
                index += opening.count - 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
