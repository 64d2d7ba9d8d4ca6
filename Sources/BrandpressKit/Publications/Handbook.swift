/// A work guidance handbook: chapters (folders or pages) with numbered sections, in reading order.
public struct Handbook: Sendable {
    public enum ChapterStyle: String, Sendable { case chinese, decimal, none }
    public enum SectionStyle: String, Sendable { case decimal, none }

    public struct Chapter: Sendable {
        /// The chapter's own page (`_index.md` of its folder, or the page itself); nil for a folder without one.
        public var page: Int?
        public var directory: String?
        public var number: String?
        public var title: String
        public var outputPath: String
        public var sections: [Section]
    }

    public struct Section: Sendable {
        public var page: Int
        public var number: String?
        public var title: String
        public var outputPath: String
    }

    public var directory: String
    public var indexPage: Int?
    public var title: String
    public var outputPath: String
    public var printPath: String
    public var chapters: [Chapter]
    /// Every page of the book, front page first, as a reader goes through it.
    public var readingOrder: [Int]
    public var numberByPage: [Int: String]

    static func make(section: SectionNode, model: SiteModel, diagnostics: inout [Diagnostic]) -> Handbook {
        var chapterStyle = ChapterStyle.chinese
        var sectionStyle = SectionStyle.decimal
        if let index = section.indexPage {
            let page = model.pages[index]
            if let numbering = page.frontMatter.fields["numbering"] {
                let line = page.frontMatter.line(of: "numbering")
                if case .map(let values) = numbering {
                    for (key, value) in values {
                        switch key {
                        case "chapter":
                            if let style = value.text.flatMap(ChapterStyle.init(rawValue:)) { chapterStyle = style } else {
                                diagnostics.append(.error("'numbering.chapter' must be chinese (第一章), decimal (1) or none", file: page.displayPath, line: line))
                            }
                        case "section":
                            if let style = value.text.flatMap(SectionStyle.init(rawValue:)) { sectionStyle = style } else {
                                diagnostics.append(.error("'numbering.section' must be decimal (1.1) or none", file: page.displayPath, line: line))
                            }
                        default:
                            diagnostics.append(.error("unknown key '\(key)' in 'numbering'; use `numbering: {chapter: chinese, section: decimal}`", file: page.displayPath, line: line))
                        }
                    }
                } else {
                    diagnostics.append(.error("'numbering' must be a map, like `numbering: {chapter: chinese, section: decimal}`", file: page.displayPath, line: line))
                }
            }
        }

        var chapters: [Chapter] = []
        var numberByPage: [Int: String] = [:]
        var readingOrder: [Int] = section.indexPage.map { [$0] } ?? []
        for (offset, entry) in section.entries.enumerated() {
            let ordinal = offset + 1
            let chapterNumber: String? = switch chapterStyle {
            case .chinese: "第\(ChineseNumerals.string(ordinal))章"
            case .decimal: String(ordinal)
            case .none: nil
            }
            switch entry {
            case .page(let index):
                let page = model.pages[index]
                chapters.append(Chapter(page: index, number: chapterNumber, title: page.title, outputPath: page.outputPath, sections: []))
                numberByPage[index] = chapterNumber
                readingOrder.append(index)
            case .section(let directory):
                guard let chapterSection = model.sections[directory] else { continue }
                var sections: [Section] = []
                if let index = chapterSection.indexPage {
                    numberByPage[index] = chapterNumber
                    readingOrder.append(index)
                }
                for (sectionOffset, index) in model.readingOrder(of: directory).enumerated() {
                    let number: String? = sectionStyle == .decimal && chapterStyle != .none ? "\(ordinal).\(sectionOffset + 1)" : nil
                    let page = model.pages[index]
                    sections.append(Section(page: index, number: number, title: page.title, outputPath: page.outputPath))
                    numberByPage[index] = number
                    readingOrder.append(index)
                }
                chapters.append(Chapter(page: chapterSection.indexPage, directory: directory, number: chapterNumber,
                                        title: chapterSection.title, outputPath: chapterSection.outputPath, sections: sections))
            }
        }
        let directoryOutput = SitePath.outputDirectory(for: section.directory)
        return Handbook(
            directory: section.directory, indexPage: section.indexPage, title: section.title,
            outputPath: section.outputPath, printPath: SitePath.join(directoryOutput, "print.html"),
            chapters: chapters, readingOrder: readingOrder, numberByPage: numberByPage)
    }
}
