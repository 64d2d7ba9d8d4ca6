import Foundation
import Mustache

/// The Mustache templates of `Templates/`, parsed once, with every partial and parent name checked.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    /// Templates that exist but failed to parse (already reported); not "missing".
    public let brokenNames: Set<String>
    /// Which of the variables brandpress renders from partials (`SharedFragments.partialsByVariable`) some template names.
    let namedVariables: Set<String>
    /// The values each template can look up, with the partials and parents it names, where their
    /// texts tell (see `TemplateLookups`).
    let lookups: [String: TemplateLookups]
    /// Of every template's name and text.
    let digest: UInt64
    /// Per template, of the name and text of every template it can reach: a page is made again when
    /// the templates it is made with change, and only then (see `reachableDigests`).
    let digests: [String: UInt64]

    /// A `{{>name}}` or `{{<name}}` tag, found in a template's text.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    public static let fileExtension = "mustache"
    /// Folders of `Templates/` that hold no templates.
    public static let assetFolder = "assets"

    public static func load(from directory: URL, displayPrefix: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        TemplateEscaping.registered
        var library = MustacheLibrary()
        var references: [(file: String, Reference)] = []
        var names: Set<String> = []
        var brokenNames: Set<String> = []
        var digest = StableHash()
        var textDigests: [String: UInt64] = [:]
        var uses: [String: (names: Set<String>, any: Bool)] = [:]
        var namedVariables: Set<String> = []
        var lookups: [String: TemplateLookups] = [:]
        guard FileManager.default.fileExists(atPath: directory.path) else {
            return (nil, [.error("there is no Templates/ folder; copy the default theme's Templates/ into the project", file: String(displayPrefix.dropLast()))])
        }
        for relative in templateFiles(in: directory) {
            let display = displayPrefix + relative
            let name = String(relative.dropLast(fileExtension.count + 1))
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else {
                diagnostics.append(.error("cannot read this template; check its permissions", file: display))
                continue
            }
            let text: String
            do {
                text = try TextDecoding.decode(data, path: display).text
            } catch let failure as BuildFailure {
                diagnostics += failure.diagnostics
                continue
            } catch {
                diagnostics.append(.error("cannot read this template: \(error)", file: display))
                continue
            }
            digest.add(name)
            digest.add(text)
            var own = StableHash()
            own.add(name)
            own.add(text)
            textDigests[name] = own.value
            let referenced = scanReferences(text)
            let variables = renderedVariables(in: text)
            namedVariables.formUnion(variables)
            lookups[name] = TemplateLookups(text: text)
            uses[name] = (Set(referenced.map(\.name) + variables.compactMap { SharedFragments.partialsByVariable[$0] }), mayUseAnyTemplate(text))
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.pragma + text), named: name)
                names.insert(name)
                references += referenced.map { (display, $0) }
            } catch let error as MustacheTemplate.ParserError {
                brokenNames.insert(name)
                diagnostics.append(.error("template syntax error: \(describe(error.error))", file: display,
                                          line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                brokenNames.insert(name)
                diagnostics.append(.error("template syntax error: \(error)", file: display))
            }
        }
        for (file, reference) in references where !names.contains(reference.name) && !brokenNames.contains(reference.name) {
            let similar = names.sorted().min { EditDistance.between($0, reference.name) < EditDistance.between($1, reference.name) }
            var message = "this template uses '\(reference.name)', but there is no Templates/\(reference.name).\(fileExtension)"
            if let similar, EditDistance.between(similar, reference.name) <= 3 { message += "; did you mean '\(similar)'?" }
            diagnostics.append(.error(message, file: file, line: reference.line, column: reference.column))
        }
        let digests = reachableDigests(textDigests: textDigests, uses: uses)
        let parsed = lookups.filter { names.contains($0.key) }
        return (TemplateSet(library: library, names: names, brokenNames: brokenNames, namedVariables: namedVariables,
                            lookups: parsed.compactMapValues { $0.including(parsed) }, digest: digest.value, digests: digests), diagnostics)
    }

    /// What pages made with template `name` depend on of `Templates/`.
    func digest(for name: String) -> UInt64 {
        digests[name] ?? digest
    }

    /// For each template, a digest of itself, the partials and parents it names (and the partials
    /// brandpress renders into the variables it names), theirs in turn. A template that names a
    /// partial at run time (`{{>*name}}`) or changes delimiters (`{{=<% %>=}}`, which
    /// `scanReferences` cannot follow) may use any template, so it depends on all of them.
    static func reachableDigests(textDigests: [String: UInt64], uses: [String: (names: Set<String>, any: Bool)]) -> [String: UInt64] {
        var digests: [String: UInt64] = [:]
        for name in textDigests.keys {
            var reached: Set<String> = [name]
            var pending = [name]
            var usesAny = false
            while let next = pending.popLast() {
                reached.insert(next)
                guard let used = uses[next] else { continue }
                usesAny = usesAny || used.any
                pending += used.names.filter { !reached.contains($0) }
            }
            var hash = StableHash()
            for reachedName in (usesAny ? Set(textDigests.keys) : reached).sorted() {
                hash.add(reachedName)
                hash.add(textDigests[reachedName] ?? 0)
            }
            digests[name] = hash.value
        }
        return digests
    }

    static func mayUseAnyTemplate(_ text: String) -> Bool {
        ByteSearch.contains("{{=", in: text) || ByteSearch.pieces(of: text, separatedBy: "{{").dropFirst().contains { tag in
            let body = tag.drop { $0 == " " }
            return body.hasPrefix(">") && body.dropFirst().drop { $0 == " " }.hasPrefix("*")
        }
    }

    public func render(_ context: [String: Any], template name: String) -> String? {
        library.render(TemplateRoot(values: context), withTemplate: name)
    }

    static func templateFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative == assetFolder || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            if relative.hasSuffix("." + fileExtension) { files.append(relative) }
        }
        return files.sorted()
    }

    /// Which variables of `SharedFragments.partialsByVariable` the text's tags name, in any form
    /// (`{{{card}}}`, `{{& card}}`, `{{#page.card}}`, `{{count(card)}}`), leaving out partials,
    /// parents and comments (`{{>partials/story-card}}` names no variable): erring towards too many
    /// would only cost renders.
    static func renderedVariables(in text: String) -> Set<String> {
        var found: Set<String> = []
        for tag in ByteSearch.pieces(of: text, separatedBy: "{{").dropFirst() {
            let body = tag.prefix { $0 != "}" }.drop { $0 == " " || $0 == "{" }
            if let sigil = body.first, [">", "<", "!", "=", "%"].contains(sigil) { continue }
            for word in body.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                if SharedFragments.partialsByVariable[String(word)] != nil { found.insert(String(word)) }
            }
        }
        return found
    }

    /// Partial and parent names: swift-mustache renders a missing one as nothing, so brandpress checks them.
    static func scanReferences(_ text: String) -> [Reference] {
        var references: [Reference] = []
        for (lineOffset, line) in ByteSearch.pieces(of: text, separatedBy: "\n").enumerated() {
            var rest = line
            while let open = ByteSearch.range(of: "{{", in: rest) {
                let afterOpen = rest[open.upperBound...]
                guard let close = ByteSearch.range(of: "}}", in: afterOpen) else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingWhitespace()
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingWhitespace()
                    if !name.isEmpty && !name.hasPrefix("*") {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        references.append(Reference(name: name, line: lineOffset + 1, column: column))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag {{/name}} does not match the section it closes"
        case .unfinishedName?: return "a tag is not finished; every {{ needs its }}"
        case .expectedSectionEnd?: return "a section {{#name}} or block {{$name}} is never closed with {{/name}}"
        case .invalidSetDelimiter?: return "a set-delimiter tag {{=<% %>=}} is malformed"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "inside {{<parent}} … {{/parent}} only block definitions {{$name}}…{{/name}} may appear"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "a {{% … }} configuration tag is not understood"
        case nil: return "\(error)"
        }
    }
}
