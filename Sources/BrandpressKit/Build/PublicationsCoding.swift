import Foundation

/// The publications and the files to make of them, kept in a file of the cache folder beside the
/// build cache, so that a rebuild whose pages' titles and front matter did not change, nor the
/// site's structure (`Publications.inputDigest`, stored with them), takes them from the last build
/// instead of making them again: at 10,000 pages that was most of a one-page rebuild's single-core
/// assembling. The file is written only when they were made anew; it is valid for any later build
/// whose digest is the one inside. Every `read` gives nil when the bytes do not make what `write` wrote.
extension BuildMemory.KeptPublications {
    static let formatVersion = "brandpress-publications-1"

    static func file(in folder: URL, output: URL) -> URL {
        CacheFile.file("publications", in: folder, for: output)
    }

    static func load(from file: URL) -> Self? {
        guard var reader = CacheFile.reader(file, format: formatVersion), let kept = read(&reader), reader.isAtEnd else { return nil }
        return kept
    }

    func store(to file: URL) {
        CacheFile.replace(file, format: Self.formatVersion) { writer, _ in write(to: &writer) }
    }

    func write(to writer: inout ByteWriter) {
        writer.write(inputs)
        publications.write(to: &writer)
        writer.write(problems) { writer, problem in problem.write(to: &writer) }
        writer.write(pathProblems) { writer, problem in problem.write(to: &writer) }
        writer.write(jobs) { writer, job in job.write(to: &writer) }
        writer.write(outputs) { $0.write($1) }
    }

    static func read(_ reader: inout ByteReader) -> Self? {
        guard let inputs = reader.uint64(), let publications = Publications.read(&reader),
              let problems = reader.array(Diagnostic.read), let pathProblems = reader.array(Diagnostic.read),
              let jobs = reader.array(RenderJob.read), let outputs = reader.array({ $0.string() }), outputs.count == jobs.count
        else { return nil }
        return Self(inputs: inputs, publications: publications, problems: problems, pathProblems: pathProblems, jobs: jobs, outputs: outputs)
    }
}

extension Publications {
    func write(to writer: inout ByteWriter) {
        writer.write(booklets) { writer, booklet in booklet.write(to: &writer) }
        writer.write(handbooks) { writer, handbook in handbook.write(to: &writer) }
        writer.write(stories) { writer, stories in stories.write(to: &writer) }
    }

    static func read(_ reader: inout ByteReader) -> Publications? {
        guard let booklets = reader.array(Booklet.read), let handbooks = reader.array(Handbook.read),
              let stories = reader.array(Stories.read) else { return nil }
        return Publications(booklets: booklets, handbooks: handbooks, stories: stories)
    }
}

extension Booklet {
    func write(to writer: inout ByteWriter) {
        writer.write(directory)
        writer.write(indexPage)
        writer.write(title)
        writer.write(outputPath)
        writer.write(brands) { writer, brand in
            writer.write(brand.page)
            writer.write(brand.number)
            writer.write(brand.name)
            writer.write(brand.unit)
            writer.write(brand.logoPath)
            writer.write(brand.logoAlt)
            writer.write(brand.slogan)
            writer.write(brand.meaning)
            writer.write(brand.plan) { writer, part in
                writer.write(part.key)
                writer.write(part.label)
                writer.write(part.text)
            }
        }
    }

    static func read(_ reader: inout ByteReader) -> Booklet? {
        guard let directory = reader.string(), let indexPage = reader.optionalInt(), let title = reader.string(),
              let outputPath = reader.string(),
              let brands = reader.array({ reader -> Brand? in
                  guard let page = reader.int(), let number = reader.int(), let name = reader.string(), let unit = reader.optionalString(),
                        let logoPath = reader.optionalString(), let logoAlt = reader.string(), let slogan = reader.optionalString(),
                        let meaning = reader.optionalString(),
                        let plan = reader.array({ reader -> (key: String, label: String, text: String)? in
                            guard let key = reader.string(), let label = reader.string(), let text = reader.string() else { return nil }
                            return (key, label, text)
                        })
                  else { return nil }
                  return Brand(page: page, number: number, name: name, unit: unit, logoPath: logoPath, logoAlt: logoAlt,
                               slogan: slogan, meaning: meaning, plan: plan)
              })
        else { return nil }
        return Booklet(directory: directory, indexPage: indexPage, title: title, outputPath: outputPath, brands: brands)
    }
}

extension Handbook {
    func write(to writer: inout ByteWriter) {
        writer.write(directory)
        writer.write(indexPage)
        writer.write(title)
        writer.write(outputPath)
        writer.write(printPath)
        writer.write(chapters) { writer, chapter in
            writer.write(chapter.page)
            writer.write(chapter.directory)
            writer.write(chapter.number)
            writer.write(chapter.title)
            writer.write(chapter.outputPath)
            writer.write(chapter.sections) { writer, section in
                writer.write(section.page)
                writer.write(section.number)
                writer.write(section.title)
                writer.write(section.outputPath)
            }
        }
        writer.write(readingOrder) { $0.write($1) }
        writer.write(numberByPage.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value)
        }
    }

    static func read(_ reader: inout ByteReader) -> Handbook? {
        guard let directory = reader.string(), let indexPage = reader.optionalInt(), let title = reader.string(),
              let outputPath = reader.string(), let printPath = reader.string(),
              let chapters = reader.array({ reader -> Chapter? in
                  guard let page = reader.optionalInt(), let directory = reader.optionalString(), let number = reader.optionalString(),
                        let title = reader.string(), let outputPath = reader.string(),
                        let sections = reader.array({ reader -> Section? in
                            guard let page = reader.int(), let number = reader.optionalString(), let title = reader.string(),
                                  let outputPath = reader.string() else { return nil }
                            return Section(page: page, number: number, title: title, outputPath: outputPath)
                        })
                  else { return nil }
                  return Chapter(page: page, directory: directory, number: number, title: title, outputPath: outputPath, sections: sections)
              }),
              let readingOrder = reader.array({ $0.int() }),
              let numbers = reader.array({ reader -> (Int, String)? in
                  guard let page = reader.int(), let number = reader.string() else { return nil }
                  return (page, number)
              })
        else { return nil }
        return Handbook(directory: directory, indexPage: indexPage, title: title, outputPath: outputPath, printPath: printPath,
                        chapters: chapters, readingOrder: readingOrder,
                        numberByPage: Dictionary(numbers, uniquingKeysWith: { first, _ in first }))
    }
}

extension Stories {
    func write(to writer: inout ByteWriter) {
        writer.write(directory)
        writer.write(indexPage)
        writer.write(title)
        writer.write(stories) { $0.write($1) }
        writer.write(pageSize)
        writer.write(indexPaths) { $0.write($1) }
        for terms in [units, tags] {
            writer.write(terms) { writer, term in
                writer.write(term.name)
                writer.write(term.outputPath)
                writer.write(term.stories) { $0.write($1) }
            }
        }
        writer.write(unitsPath)
        writer.write(tagsPath)
        writer.write(feedPath)
        writer.write(stories.map { covers[$0] }) { $0.write($1) }
        writer.write(cardSharingFolders) { $0.write($1) }
    }

    static func read(_ reader: inout ByteReader) -> Stories? {
        func terms(_ reader: inout ByteReader) -> [Term]? {
            reader.array { reader -> Term? in
                guard let name = reader.string(), let outputPath = reader.string(), let stories = reader.array({ $0.int() }) else { return nil }
                return Term(name: name, outputPath: outputPath, stories: stories)
            }
        }
        guard let directory = reader.string(), let indexPage = reader.optionalInt(), let title = reader.string(),
              let stories = reader.array({ $0.int() }), let pageSize = reader.int(), let indexPaths = reader.array({ $0.string() }),
              let units = terms(&reader), let tags = terms(&reader),
              let unitsPath = reader.string(), let tagsPath = reader.string(), let feedPath = reader.string(),
              let covers = reader.array({ $0.optionalString() }), covers.count == stories.count,
              let cardSharingFolders = reader.array({ $0.string() })
        else { return nil }
        var coverByStory: [Int: String] = [:]
        for (story, cover) in zip(stories, covers) { coverByStory[story] = cover }
        return Stories(directory: directory, indexPage: indexPage, title: title, stories: stories, pageSize: pageSize,
                       indexPaths: indexPaths, units: units, tags: tags, unitsPath: unitsPath, tagsPath: tagsPath, feedPath: feedPath,
                       covers: coverByStory, cardSharingFolders: cardSharingFolders)
    }
}

extension RenderJob {
    func write(to writer: inout ByteWriter) {
        switch self {
        case .page(let index):
            writer.write(0)
            writer.write(index)
        case .sectionPage(let directory):
            writer.write(1)
            writer.write(directory)
        case .storiesIndex(let publication, let number):
            writer.write(2)
            writer.write(publication)
            writer.write(number)
        case .taxonomy(let publication, let taxonomy, let term):
            writer.write(3)
            writer.write(publication)
            writer.write(taxonomy.rawValue)
            writer.write(term)
        case .taxonomyList(let publication, let taxonomy):
            writer.write(4)
            writer.write(publication)
            writer.write(taxonomy.rawValue)
        case .handbookPrint(let publication):
            writer.write(5)
            writer.write(publication)
        case .search:
            writer.write(6)
        case .notFound:
            writer.write(7)
        }
    }

    static func read(_ reader: inout ByteReader) -> RenderJob? {
        func taxonomy() -> Taxonomy? { reader.string().flatMap(Taxonomy.init(rawValue:)) }
        switch reader.int() {
        case 0: return reader.int().map(RenderJob.page)
        case 1: return reader.string().map(RenderJob.sectionPage)
        case 2:
            guard let publication = reader.int(), let number = reader.int() else { return nil }
            return .storiesIndex(publication: publication, number: number)
        case 3:
            guard let publication = reader.int(), let taxonomy = taxonomy(), let term = reader.int() else { return nil }
            return .taxonomy(publication: publication, taxonomy: taxonomy, term: term)
        case 4:
            guard let publication = reader.int(), let taxonomy = taxonomy() else { return nil }
            return .taxonomyList(publication: publication, taxonomy: taxonomy)
        case 5: return reader.int().map { .handbookPrint(publication: $0) }
        case 6: return .search
        case 7: return .notFound
        default: return nil
        }
    }
}
