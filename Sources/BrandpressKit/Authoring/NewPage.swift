import Foundation

/// `brandpress new`: writes the starting file of a story, a brand or a handbook chapter, in the
/// publication whose `_index.md` has the matching `kind:`.
public struct NewPage: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case story, brand, section

        var publicationKind: String {
            switch self {
            case .story: "stories"
            case .brand: "booklet"
            case .section: "handbook"
            }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public var kind: Kind
    public var title: String
    public var slug: String?
    public var now: Date

    public init(kind: Kind, title: String, slug: String? = nil, now: Date = Date()) {
        self.kind = kind
        self.title = title
        self.slug = slug
        self.now = now
    }

    /// The file to write and its text, without touching the disk.
    public func plan(content: URL) throws -> (file: URL, text: String) {
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Failure(description: "the title is empty; write it in quotes, e.g. brandpress new \(kind.rawValue) \"安全生产标兵\"") }
        if let slug, !FileSlug.isValid(slug) {
            throw Failure(description: "the slug '\(slug)' may hold only lowercase letters a–z, digits and '-' (not at the start or end), e.g. --slug li-ming")
        }
        guard let folder = PublicationFinder.folder(ofKind: kind.publicationKind, in: content) else {
            throw Failure(description: "no publication in \(content.lastPathComponent)/ has `kind: \(kind.publicationKind)` in its _index.md; add one, or check the --root folder")
        }
        let name = slug ?? FileSlug.fromASCIITitle(title)
        let calendar = Calendar.current
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        let year = String(day.year ?? 2000), month = String(day.month ?? 1).leftPadded(to: 2), dayOfMonth = String(day.day ?? 1).leftPadded(to: 2)
        let quotedTitle = YAMLQuoting.quoted(title)
        switch kind {
        case .story:
            let file = name.map { "\(year)-\(month)-\($0).md" } ?? "\(FileSlug.dateBased(now, calendar: calendar)).md"
            let text = """
            ---
            title: \(quotedTitle)
            date: \(year)-\(month)-\(dayOfMonth)
            unit: ""
            author: ""
            tags: []
            # cover: images/\(name ?? "cover").jpg
            # cover_alt: ""
            ---


            """
            return (folder.appendingPathComponent(file), text)
        case .brand:
            let number = Self.nextNumber(in: folder)
            let file = "\(number)-\(name ?? FileSlug.dateBased(now, calendar: calendar)).md"
            let text = """
            ---
            title: \(quotedTitle)
            brand: \(quotedTitle)
            unit: ""
            logo: ""
            logo_alt: ""
            slogan: ""
            meaning: ""
            what: ""
            how: ""
            who: ""
            effect: ""
            weight: \(Int(number) ?? 0)
            ---


            """
            return (folder.appendingPathComponent(file), text)
        case .section:
            let number = Self.nextNumber(in: folder)
            let chapter = folder.appendingPathComponent("\(number)-\(name ?? FileSlug.dateBased(now, calendar: calendar))")
            let text = """
            ---
            title: \(quotedTitle)
            ---


            """
            return (chapter.appendingPathComponent("_index.md"), text)
        }
    }

    /// Writes the planned file; never replaces an existing one.
    @discardableResult
    public func create(content: URL) throws -> URL {
        let (file, text) = try plan(content: content)
        let display = ProjectLayout(root: content.deletingLastPathComponent()).display(file)
        if FileManager.default.fileExists(atPath: file.path) {
            throw Failure(description: "\(display) already exists; brandpress new never overwrites a file. Choose another --slug")
        }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure(description: "cannot write \(display): \(error.localizedDescription)")
        }
        return file
    }

    /// The two-digit number after the highest `NN-` prefix among the folder's entries.
    static func nextNumber(in folder: URL) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let highest = names.compactMap { SitePath.orderPrefix($0)?.0 }.max() ?? 0
        return String(highest + 1).leftPadded(to: 2)
    }
}
