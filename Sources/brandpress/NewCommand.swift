import ArgumentParser
import BrandpressCommandLine
import BrandpressKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a new story, brand or handbook chapter with its front matter filled in.",
        discussion: "The publication folder is the one whose _index.md says `kind: stories`, `booklet` or `handbook`. Never overwrites a file."
    )

    @Argument(help: ArgumentHelp("What to create: story, brand or section (a handbook chapter).", valueName: "KIND"))
    var kind: String

    @Argument(help: "The title, in quotes when it has spaces.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The file name: lowercase letters, digits and '-'. Without it an English title is used, else the date and time.", valueName: "SLUG"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("The project folder, holding Content/.", valueName: "DIR"))
    var root: String = "."

    func run() throws {
        guard let kind = NewPage.Kind(rawValue: kind) else {
            throw ValidationError("'\(kind)' is not something brandpress can create; use story, brand or section")
        }
        let rootURL = projectRootURL(root)
        do {
            let file = try NewPage(kind: kind, title: title, slug: slug).create(content: ProjectLayout(root: rootURL).content)
            print(ProjectLayout(root: rootURL).display(file))
        } catch let failure as NewPage.Failure {
            FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
