/// Groups pages into sections (folders), orders every section, and gives pages their kinds.
enum SectionBuilder {
    static func build(pages: inout [Page], diagnostics: inout [Diagnostic]) -> [String: SectionNode] {
        var sections: [String: SectionNode] = [:]
        func ensure(_ directory: String) {
            guard sections[directory] == nil else { return }
            let name = SitePath.strippingOrderPrefix(SitePath.fileName(of: directory))
            sections[directory] = SectionNode(directory: directory, title: name)
            if !directory.isEmpty {
                let parent = SitePath.directory(of: directory)
                ensure(parent)
                sections[parent]!.entries.append(.section(directory))
            }
        }
        ensure("")
        // The pages come sorted by path: those of one folder follow each other.
        var lastDirectory: String?
        for (index, page) in pages.enumerated() {
            if page.sectionDirectory != lastDirectory {
                ensure(page.sectionDirectory)
                lastDirectory = page.sectionDirectory
            }
            if page.isSectionIndex {
                if let existing = sections[page.sectionDirectory]?.indexPage {
                    diagnostics.append(.error(
                        "this folder has both \(SitePath.fileName(of: pages[existing].path)) and \(SitePath.fileName(of: page.path)); keep only one of them as the section page",
                        file: page.displayPath))
                    continue
                }
                sections[page.sectionDirectory]!.indexPage = index
                sections[page.sectionDirectory]!.title = page.title
            } else {
                sections[page.sectionDirectory]!.entries.append(.page(index))
            }
        }

        for directory in sections.keys {
            let index = sections[directory]!.indexPage
            if let index, let kind = pages[index].frontMatter.kind {
                if let publication = PublicationKind(rawValue: kind) {
                    sections[directory]!.publication = publication
                    sections[directory]!.publicationDirectory = directory
                } else if kind != "section" {
                    diagnostics.append(.error(
                        "unknown kind '\(kind)'; a section's kind is one of booklet, handbook, stories (or section for a plain one)",
                        file: pages[index].displayPath, line: pages[index].frontMatter.line(of: "kind")))
                }
            }
        }
        for directory in sections.keys.sorted() {
            // Each entry's key once, not twice per comparison: a stories folder holds thousands.
            let keyed = sections[directory]!.entries.map { (key: orderKey($0, pages, sections), entry: $0) }
            sections[directory]!.entries = keyed.sorted { $0.key < $1.key }.map(\.entry)
            if sections[directory]!.publication == nil, let parent = sections[directory]!.parent, let inherited = sections[parent]?.publication {
                sections[directory]!.publication = inherited
                sections[directory]!.publicationDirectory = sections[parent]!.publicationDirectory
            }
        }
        return sections
    }

    struct OrderKey: Comparable {
        var weight: Int
        var prefix: Int
        var name: String
        static func < (a: OrderKey, b: OrderKey) -> Bool {
            (a.weight, a.prefix, a.name) < (b.weight, b.prefix, b.name)
        }
    }

    /// Weight first, then the numeric prefix, then the name: `weight` wins where both are given.
    static func orderKey(_ entry: SectionNode.Entry, _ pages: [Page], _ sections: [String: SectionNode]) -> OrderKey {
        let name: String
        let weight: Int?
        switch entry {
        case .page(let index):
            name = pages[index].orderName
            weight = pages[index].frontMatter.weight
        case .section(let directory):
            name = SitePath.fileName(of: directory)
            weight = sections[directory]?.indexPage.flatMap { pages[$0].frontMatter.weight }
        }
        return OrderKey(weight: weight ?? Int.max, prefix: SitePath.orderNumber(name)?.0 ?? Int.max, name: name)
    }

    static func assignKinds(pages: inout [Page], sections: inout [String: SectionNode]) {
        for index in pages.indices {
            // Not a copy of the page: one alive while its kind is set would make the page copy its storage.
            let directory = pages[index].sectionDirectory
            let section = sections[directory]
            let isPublicationRoot = section?.publicationDirectory == directory
            switch (section?.publication, pages[index].isSectionIndex) {
            case (nil, true): pages[index].kind = directory.isEmpty ? .home : .section
            case (nil, false): pages[index].kind = .page
            case (.booklet?, true): pages[index].kind = isPublicationRoot ? .booklet : .section
            case (.booklet?, false): pages[index].kind = .brand
            case (.handbook?, true): pages[index].kind = isPublicationRoot ? .handbook : .handbookPage
            case (.handbook?, false): pages[index].kind = .handbookPage
            case (.stories?, true): pages[index].kind = isPublicationRoot ? .stories : .section
            case (.stories?, false): pages[index].kind = .story
            }
        }
    }
}
