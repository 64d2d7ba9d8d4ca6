/// The brand identity booklet: one page per branch brand, in the booklet's order.
public struct Booklet: Sendable {
    public struct Brand: Sendable {
        public var page: Int
        public var number: Int
        public var name: String
        public var unit: String?
        /// Site path of the logo image.
        public var logoPath: String?
        public var logoAlt: String
        public var slogan: String?
        public var meaning: String?
        public var plan: [(key: String, label: String, text: String)]
    }

    public static let planParts: [(key: String, label: String)] = [
        ("what", "做什么"), ("how", "怎么做"), ("who", "谁来做"), ("effect", "达到什么效果"),
    ]

    public var directory: String
    public var indexPage: Int?
    public var title: String
    public var outputPath: String
    public var brands: [Brand]

    static func make(section: SectionNode, model: SiteModel, resolver: LinkResolver, diagnostics: inout [Diagnostic]) -> Booklet {
        let pages = model.readingOrder(of: section.directory).filter { model.pages[$0].kind == .brand }
        // Brands are made on all cores (resolving logo paths is most of the work); problems keep their order.
        let made = ParallelMap.map(count: pages.count) { position -> (Brand, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let index = pages[position]
            let page = model.pages[index]
            let matter = page.frontMatter
            func text(_ key: String) -> String? {
                guard let value = matter.string(key)?.trimmingWhitespace(andNewlines: true), !value.isEmpty else { return nil }
                return value
            }
            let name = text("brand") ?? page.title
            let logoPath = resolver.fileField("logo", of: page, diagnostics: &diagnostics)
            if text("unit") == nil {
                diagnostics.append(.error("a brand needs the unit it belongs to; add `unit: 综采一区` (the branch or work area) to its front matter", file: page.displayPath, line: 1))
            }
            let brand = Brand(
                page: index, number: position + 1, name: name, unit: text("unit"), logoPath: logoPath,
                logoAlt: text("logo_alt") ?? "\(name)品牌标识", slogan: text("slogan"), meaning: text("meaning"),
                plan: planParts.compactMap { part in text(part.key).map { (part.key, part.label, $0) } })
            return (brand, diagnostics)
        }
        diagnostics += made.flatMap(\.1)
        return Booklet(directory: section.directory, indexPage: section.indexPage, title: section.title, outputPath: section.outputPath,
                       brands: made.map(\.0))
    }
}
