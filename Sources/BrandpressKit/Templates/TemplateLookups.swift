/// Which values a template can look up, read from its text, so that what is rendered from it can be
/// keyed by those values alone (a story's card is the same on a unit's page and a tag's page, though
/// the story's other values, its unit's and tags' links, differ between those folders).
struct TemplateLookups: Sendable, Equatable {
    /// Every part of every name in the template's tags (`date.iso` gives `date` and `iso`); comments'
    /// words, block names and template names too, which only makes the set larger than needed.
    var names: Set<String>
    /// Sections whose `{{.}}` shows their own value, which a section of `true` does not push: then
    /// `{{.}}` shows the values around it, and all of them count.
    var sectionsShowingThemselves: Set<String>
    /// The partials and parents the text names: what they look up counts too (`including`).
    var templates: Set<String>

    /// nil when the text does something this reading does not follow: partials named at run time
    /// (`{{>*name}}`), changed delimiters, pragmas, `{{.}}` outside a section, directly in a block or
    /// parent, or in an inverted or dotted section.
    init?(text: String) {
        names = []
        sectionsShowingThemselves = []
        templates = []
        // Blocks and parents are closed like sections, but push nothing: `{{.}}` directly in one
        // shows whatever is around the place the block is rendered, which this text does not tell.
        var sections: [(name: String, inverted: Bool, pushes: Bool)] = []
        var rest = Substring(text)
        while let open = ByteSearch.range(of: "{{", in: rest) {
            guard let close = ByteSearch.range(of: "}}", in: rest[open.upperBound...]) else { return nil }
            var body = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            if body.first == "{" {
                body = body.dropFirst()
                if rest.first == "}" { rest = rest.dropFirst() }
            }
            body = body.drop(while: \.isWhitespace)
            let name = body.dropFirst().trimmingWhitespace(andNewlines: true)
            switch body.first {
            case "=", "%", nil: return nil
            case ">":
                guard !name.hasPrefix("*") else { return nil }
                templates.insert(name)
            case "<":
                templates.insert(name)
                sections.append((name, false, false))
            case "$":
                sections.append((name, false, false))
            case "#", "^":
                sections.append((name, body.first == "^", true))
            case "/":
                _ = sections.popLast()
            default:
                if body.drop(while: { $0 == "&" }).trimmingWhitespace(andNewlines: true) == "." {
                    guard let section = sections.last, section.pushes, !section.inverted, !section.name.contains(".") else { return nil }
                    sectionsShowingThemselves.insert(section.name)
                }
            }
            // A name's characters, as swift-mustache's parser reads them; anything else separates.
            for word in body.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !"-_?*".contains($0) }) {
                names.insert(String(word))
            }
        }
    }

    /// These lookups with those of every template they name, theirs in turn, from `lookups` (each
    /// template's own): nil when any of them is nil or not there.
    func including(_ lookups: [String: TemplateLookups]) -> TemplateLookups? {
        var all = self
        var pending = Array(templates)
        var reached = templates
        while let name = pending.popLast() {
            guard let other = lookups[name] else { return nil }
            all.names.formUnion(other.names)
            all.sectionsShowingThemselves.formUnion(other.sectionsShowingThemselves)
            for next in other.templates where !reached.contains(next) {
                reached.insert(next)
                pending.append(next)
            }
        }
        all.templates = reached
        return all
    }

    /// The names of the values this template can show: those named, unless a section it shows with
    /// `{{.}}` is `true` here, when all (nil).
    func seenNames(in values: [String: Any]) -> Set<String>? {
        sectionsShowingThemselves.contains { values[$0] is Bool } ? nil : names
    }
}
