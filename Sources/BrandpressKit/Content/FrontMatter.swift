import Foundation
import Yams

/// The fields brandpress understands in a page's front matter, and every other field as-is.
public struct FrontMatter: Sendable {
    public var title: String?
    public var date: PageDate?
    public var draft = false
    public var weight: Int?
    public var summary: String?
    public var template: String?
    public var slug: String?
    public var kind: String?
    public var tags: [String] {
        get { details.value.tags }
        set { details.change { $0.tags = newValue } }
    }
    /// Every other field, for templates and the publications (unit, author, logo, …).
    public var fields: [String: FieldValue] {
        get { details.value.fields }
        set { details.change { $0.fields = newValue } }
    }
    /// The line each key is on, for messages about its value, in the order the keys are written (a
    /// key appears once). Looked through rather than hashed: only messages ask, and a table per
    /// page cost every rebuild 10,000 of them.
    public var lines: [(key: String, line: Int)] {
        get { details.value.lines }
        set { details.change { $0.lines = newValue } }
    }
    /// The three above, decoded from the page-source cache only when asked for.
    var details = DecodedOnDemand<Details>()

    struct Details: Sendable {
        var tags: [String] = []
        var fields: [String: FieldValue] = [:]
        var lines: [(key: String, line: Int)] = []
    }

    public init() {}

    public func string(_ key: String) -> String? {
        fields[key]?.text
    }

    public func line(of key: String) -> Int? {
        lines.first { $0.key == key }?.line
    }

    /// Decodes the YAML between the fences; reports every wrong field, not only the first.
    public static func decode(_ yaml: String, file: String, firstLine: Int) throws -> FrontMatter {
        let document = try YAMLDocument(parsing: yaml, file: file, firstLine: firstLine)
        var matter = FrontMatter()
        var details = Details()
        var problems: [Diagnostic] = []
        func problem(_ entry: YAMLDocument.Entry, _ message: String) {
            problems.append(.error(message, file: file, line: entry.line, column: entry.column))
        }
        for entry in document.entries {
            details.lines.append((entry.key, entry.line))
            let value = entry.value
            switch entry.key {
            case "title", "summary", "template", "slug", "kind":
                guard let text = value.scalar?.string else {
                    problem(entry, "'\(entry.key)' must be text, like `\(entry.key): 安全生产`")
                    continue
                }
                switch entry.key {
                case "title": matter.title = text
                case "summary": matter.summary = text
                case "template": matter.template = text
                case "slug": matter.slug = text
                default: matter.kind = text
                }
            case "date":
                guard let text = value.scalar?.string, let date = PageDate(parsing: text) else {
                    problem(entry, "'date' is not a date: write it as `date: 2024-05-01` (year-month-day), optionally with a time `2024-05-01 08:30`")
                    continue
                }
                matter.date = date
            case "draft":
                guard let flag = value.scalar.flatMap({ _ in value.bool }) else {
                    problem(entry, "'draft' must be `true` or `false`")
                    continue
                }
                matter.draft = flag
            case "weight":
                guard let number = value.scalar.flatMap({ _ in value.int }) else {
                    problem(entry, "'weight' must be a whole number, like `weight: 3`; it orders pages, smallest first")
                    continue
                }
                matter.weight = number
            case "tags":
                if let scalar = value.scalar, scalar.string.isEmpty { continue }
                guard let items = value.sequence, items.allSatisfy({ $0.scalar != nil }) else {
                    problem(entry, "'tags' must be a list, like `tags: [安全生产, 技术创新]` or one `- tag` per line")
                    continue
                }
                details.tags = items.compactMap { $0.scalar?.string.trimmingWhitespace() }.filter { !$0.isEmpty }
            default:
                details.fields[entry.key] = FieldValue(value)
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        matter.details = DecodedOnDemand(details)
        return matter
    }
}
