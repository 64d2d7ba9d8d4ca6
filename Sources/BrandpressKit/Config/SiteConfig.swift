import Foundation
import Yams

/// `Content/site.yml`: settings for the whole site. Unknown keys are errors, so typos never pass silently.
public struct SiteConfig: Sendable {
    public var title = "brandpress"
    public var language = "zh-CN"
    public var description = ""
    public var organisation = ""
    /// Absolute address the site is published at, e.g. `https://intranet.example/dangjian/`; needed for feeds and the sitemap.
    public var baseURL: String?
    public var unsafeHTML = false
    public var cjkFriendlyEmphasis = true
    public var primaryColor = "#b71c1c"
    public var accentColor = "#c9a227"
    public var footer = ""

    public static let fileName = "site.yml"
    static let knownKeys = [
        "title", "language", "description", "organisation", "base_url", "unsafe_html",
        "cjk_friendly_emphasis", "primary_color", "accent_color", "footer",
    ]

    public init() {}

    public static func decode(_ yaml: String, file: String) throws -> SiteConfig {
        let document = try YAMLDocument(parsing: yaml, file: file, firstLine: 1)
        var config = SiteConfig()
        var problems: [Diagnostic] = []
        for entry in document.entries {
            func fail(_ message: String) {
                problems.append(.error(message, file: file, line: entry.line, column: entry.column))
            }
            func text() -> String? {
                guard let scalar = entry.value.scalar else {
                    fail("'\(entry.key)' must be text")
                    return nil
                }
                return scalar.string
            }
            func flag() -> Bool? {
                guard entry.value.scalar != nil, let value = entry.value.bool else {
                    fail("'\(entry.key)' must be `true` or `false`")
                    return nil
                }
                return value
            }
            switch entry.key {
            case "title": config.title = text() ?? config.title
            case "language": config.language = text() ?? config.language
            case "description": config.description = text() ?? ""
            case "organisation": config.organisation = text() ?? ""
            case "footer": config.footer = text() ?? ""
            case "base_url":
                guard let value = text() else { continue }
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                guard trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") else {
                    fail("'base_url' must be an absolute address starting with http:// or https://, like `https://intranet.example/dangjian/`")
                    continue
                }
                config.baseURL = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
            case "unsafe_html": config.unsafeHTML = flag() ?? false
            case "cjk_friendly_emphasis": config.cjkFriendlyEmphasis = flag() ?? true
            case "primary_color", "accent_color":
                guard let value = text() else { continue }
                guard Self.isCSSColor(value) else {
                    fail("'\(entry.key)' must be a colour like `#b71c1c`")
                    continue
                }
                if entry.key == "primary_color" { config.primaryColor = value } else { config.accentColor = value }
            default:
                let suggestion = Self.knownKeys.min { EditDistance.between($0, entry.key) < EditDistance.between($1, entry.key) }
                var message = "unknown setting '\(entry.key)'"
                if let suggestion, EditDistance.between(suggestion, entry.key) <= 3 {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += "; the settings are \(Self.knownKeys.joined(separator: ", "))"
                }
                fail(message)
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return config
    }

    static func isCSSColor(_ value: String) -> Bool {
        guard value.hasPrefix("#"), [4, 7, 9].contains(value.count) else { return false }
        return value.dropFirst().allSatisfy(\.isHexDigit)
    }
}

enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
