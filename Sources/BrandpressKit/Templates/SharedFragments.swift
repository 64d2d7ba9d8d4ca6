import Mustache
import Synchronization

/// Template variables that many pages show alike, made once per distinct input and shared by all
/// render workers. A handbook page lists every chapter in its table of contents; only the chapter
/// being read differs from the other pages in the same folder, so the other chapters' variables and
/// their rendered entries are made once per folder instead of once per page (which made long
/// handbooks quadratic). The layout's shared parts (`siteParts`: the head's links, the header with
/// the navigation, the breadcrumbs, the footer) and the stories' unit and tag lists are the same on
/// every page of a folder, and a story's card the same on its unit's page, its tags' pages and its
/// index page (after the first), so they are rendered once too: each variable a template looks up
/// costs swift-mustache one to three microseconds (about ten runtime casts to protocols, ~100 ns
/// each here), and these parts alone look up some fifty per page. A story's whole entry on those
/// pages is shared as well while no template names the links that differ between their folders
/// (`sharesStoryEntries(onPagesOf:)`).
public final class SharedFragments: Sendable {
    /// The partial that renders one chapter's entry in a handbook's table of contents.
    static let bookTOCChapter = "partials/book-toc-chapter"
    /// The parts of the layout that every page of a folder shares: variable, and the partial rendered into it.
    static let siteParts: [(variable: String, partial: String)] = [
        ("siteHead", "partials/site-head"), ("siteHeader", "partials/site-header"),
        ("siteBreadcrumbs", "partials/breadcrumbs"), ("siteFooter", "partials/site-footer"),
    ]
    /// The partial that renders a story's entry in lists (`card`).
    static let storyCard = "partials/story-card"
    /// The kind of the shared story entries of unit and tag pages (`storyEntry`), one per story.
    static let storyEntry = "story-entry"
    /// The partial that renders a list of units or tags (`unitChips`, `tagChips`).
    static let termChips = "partials/term-chips"
    /// Partials brandpress renders into variables, by variable: a template that names the variable
    /// depends on the partial as if it included it.
    static let partialsByVariable: [String: String] = Dictionary(uniqueKeysWithValues:
        [("tocEntry", bookTOCChapter), ("card", storyCard), ("unitChips", termChips), ("tagChips", termChips)] + siteParts)

    struct Key: Hashable, Sendable {
        var kind: String
        /// What the values depend on besides the site: the entry and the folder its URLs are relative to.
        var scope: String
    }

    let templates: TemplateSet
    private let madeValues = Mutex<[Key: SharedValues]>([:])
    private let madeLists = Mutex<[Key: SharedList]>([:])
    private let madeTexts = Mutex<[Key: String]>([:])

    /// The values of a story's entry that link into the folders of units and tags, so differ
    /// between a unit's page, a tag's page and an index page.
    static let termLinkValues = ["unitURL", "tags"]

    /// Of the kinds of pages that share story cards (`RenderJob.sharesStoryCards`: `taxonomy` for
    /// unit and tag pages, `stories` for later index pages), those whose template, with what it
    /// includes, names none of `termLinkValues`, when the card partial names none either: their
    /// pages can share a story's entry without them. Told once here, not on every entry.
    private let kindsSharingStoryEntries: Set<String>

    public init(templates: TemplateSet) {
        self.templates = templates
        func leavesOutTermLinks(_ name: String) -> Bool {
            templates.lookups[name].map { $0.names.isDisjoint(with: Self.termLinkValues) } ?? false
        }
        let cardLeavesThemOut = !templates.names.contains(Self.storyCard) || leavesOutTermLinks(Self.storyCard)
        kindsSharingStoryEntries = !cardLeavesThemOut ? [] : Set([SiteContext.taxonomyTemplate, PageKind.stories.rawValue].filter { kind in
            SiteContext.resolveTemplate(kind, in: templates.names).map(leavesOutTermLinks) ?? false
        })
    }

    /// Whether pages made with the template for `kind` (`taxonomy` or `stories`) can share a
    /// story's entry without `termLinkValues`.
    func sharesStoryEntries(onPagesOf kind: String) -> Bool {
        kindsSharingStoryEntries.contains(kind)
    }

    private func has(_ partial: String) -> Bool {
        templates.names.contains(partial)
    }

    /// Whether `variable` (one of `partialsByVariable`) is worth rendering: its partial exists and a template names it.
    func renders(_ variable: String) -> Bool {
        templates.namedVariables.contains(variable) && SharedFragments.partialsByVariable[variable].map(has) == true
    }

    /// A digest of what the partial behind `variable` can show of `values` (all of them when its
    /// text does not tell): equal digests, equal renderings.
    func digest(ofValuesSeenBy variable: String, in values: [String: Any]) -> UInt64? {
        let lookups = Self.partialsByVariable[variable].flatMap { templates.lookups[$0] }
        return TemplateInputDigest.of(values, only: lookups?.seenNames(in: values))
    }

    /// The partial behind `variable` (one of `partialsByVariable`) rendered with `context`, or ""
    /// when it is not worth rendering. Its file's final line break is dropped: the variable stands
    /// on a line of its own, as a `{{>partial}}` tag would.
    func render(variable: String, context: [String: Any]) -> String {
        guard renders(variable), let partial = Self.partialsByVariable[variable] else { return "" }
        var text = templates.render(context, template: partial) ?? ""
        if text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// The text made under `key` before, or `make`'s; the caller promises that the key determines it.
    func text(for key: Key, make: () -> String) -> String {
        Self.memo(madeTexts, key, make: make)
    }

    /// Lets go of the story entries and cards of the pages that share them (`RenderJob.sharesStoryCards`), which no other page uses, once those pages are written.
    func forgetStoryEntries() {
        madeValues.withLock { $0 = $0.filter { $0.key.kind != Self.storyEntry } }
        madeTexts.withLock { $0 = $0.filter { $0.key.kind != Self.storyCard } }
    }

    /// Lets go of everything made, once the pages are written (shared story cards are megabytes at 10,000 pages).
    func forgetMade() {
        madeValues.withLock { $0 = [:] }
        madeLists.withLock { $0 = [:] }
        madeTexts.withLock { $0 = [:] }
    }

    /// The values made under `key` before, or `make`'s; the caller promises that the key determines them.
    func values(for key: Key, make: () -> [String: Any]) -> SharedValues {
        Self.memo(madeValues, key) { SharedValues(make()) }
    }

    /// The list made under `key` before, or `make`'s; the caller promises that the key determines it.
    func list(for key: Key, make: () -> [Any]) -> SharedList {
        Self.memo(madeLists, key) { SharedList(make()) }
    }

    /// Made outside the lock: two workers may both make one, and the later simply replaces it.
    private static func memo<Made: Sendable>(_ made: borrowing Mutex<[Key: Made]>, _ key: Key, make: () -> Made) -> Made {
        if let done = made.withLock({ $0[key] }) { return done }
        let value = make()
        made.withLock { $0[key] = value }
        return value
    }
}

/// Variables shared by many pages' contexts: Mustache looks names up in them like in a dictionary,
/// and `TemplateInputDigest` takes their digest, made once, instead of walking them for every page.
/// Never changed after it is made, and holds only values, so any worker may read it.
final class SharedValues: MustacheParent, MustacheTransformable, @unchecked Sendable {
    let values: [String: Any]
    /// nil when the values hold something the digest does not know: then pages using them are always rendered.
    let digest: UInt64?

    init(_ values: [String: Any]) {
        self.values = values
        var hash = StableHash()
        digest = TemplateInputDigest.add(values, to: &hash) ? hash.value : nil
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    /// `{{count(site)}}` and the like work as on the dictionary.
    func transform(_ name: String) -> Any? {
        values.transform(name)
    }
}

/// A list shared by many pages' contexts: Mustache iterates it like an array, and
/// `TemplateInputDigest` takes its digest, made once. Never changed after it is made.
final class SharedList: MustacheSequence, MustacheTransformable, @unchecked Sendable {
    let items: [Any]
    /// nil when the items hold something the digest does not know.
    let digest: UInt64?

    init(_ items: [Any]) {
        self.items = items
        var hash = StableHash()
        digest = TemplateInputDigest.add(items, to: &hash) ? hash.value : nil
    }

    func makeIterator() -> IndexingIterator<[Any]> {
        items.makeIterator()
    }

    /// `{{#reversed(nav)}}`, `{{count(tags)}}` and the like work as on the array.
    func transform(_ name: String) -> Any? {
        items.transform(name)
    }
}
