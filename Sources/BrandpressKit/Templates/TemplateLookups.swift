/// Which values a template can look up, read from its text, so that what is rendered from it can be
/// keyed by those values alone (a story's card is the same on a unit's page and a tag's page, though
/// the story's other values, its unit's and tags' links, differ between those folders).
struct TemplateLookups: Sendable, Equatable {
    /// Every part of every name in the template's tags (`date.iso` gives `date` and `iso`); comments'
    /// words too, which only makes the set larger than needed.
    var names: Set<String>
    /// Sections whose `{{.}}` shows their own value, which a section of `true` does not push: then
    /// `{{.}}` shows the values around it, and all of them count.
    var sectionsShowingThemselves: Set<String>

    /// nil when the text does something this reading does not follow: partials, parents and blocks
    /// (other templates' lookups), changed delimiters, pragmas, `{{.}}` outside a section or in an
    /// inverted or dotted one.
    init?(text: String) {
        names = []
        sectionsShowingThemselves = []
        var sections: [(name: String, inverted: Bool)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return nil }
            var body = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            if body.first == "{" {
                body = body.dropFirst()
                if rest.first == "}" { rest = rest.dropFirst() }
            }
            body = body.drop(while: \.isWhitespace)
            switch body.first {
            case ">", "<", "$", "=", "%", nil: return nil
            case "#", "^":
                sections.append((body.dropFirst().trimmingWhitespace(andNewlines: true), body.first == "^"))
            case "/":
                _ = sections.popLast()
            default:
                if body.drop(while: { $0 == "&" }).trimmingWhitespace(andNewlines: true) == "." {
                    guard let section = sections.last, !section.inverted, !section.name.contains(".") else { return nil }
                    sectionsShowingThemselves.insert(section.name)
                }
            }
            // A name's characters, as swift-mustache's parser reads them; anything else separates.
            for word in body.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !"-_?*".contains($0) }) {
                names.insert(String(word))
            }
        }
    }

    /// The names of the values this template can show: those named, unless a section it shows with
    /// `{{.}}` is `true` here, when all (nil).
    func seenNames(in values: [String: Any]) -> Set<String>? {
        sectionsShowingThemselves.contains { values[$0] is Bool } ? nil : names
    }
}
