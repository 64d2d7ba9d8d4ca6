import ArgumentParser
import BrandpressKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds Content/ and Templates/ into Output/.",
        discussion: "Writes into a new folder beside the output and swaps it in only when the whole build succeeded."
    )

    @Option(name: .long, help: ArgumentHelp("The project folder, holding Content/ and Templates/.", valueName: "DIR"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The folder to write, relative to the project folder.", valueName: "DIR"))
    var output: String = "Output"

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let outputURL = URL(fileURLWithPath: output, relativeTo: rootURL).standardizedFileURL
        let report = SiteBuilder.build(BuildOptions(root: rootURL, output: outputURL, includeDrafts: drafts))
        let printer = DiagnosticPrinter.standard
        printer.print(report.diagnostics)
        printer.printSummary(report.diagnostics)
        guard report.succeeded else {
            FileHandle.standardError.write(Data("build failed; nothing was written\n".utf8))
            throw ExitCode(1)
        }
        print(report.summary)
    }
}
