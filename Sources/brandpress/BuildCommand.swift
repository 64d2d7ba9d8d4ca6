import ArgumentParser
import BrandpressCommandLine
import BrandpressKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds Content/ and Templates/ into Output/.",
        discussion: "Writes the changed files into a new folder beside the output and moves them in (or swaps the folder in) only when the whole build succeeded; an interrupted build is rolled back by the next one."
    )

    @Option(name: .long, help: ArgumentHelp("The project folder, holding Content/ and Templates/.", valueName: "DIR"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The folder to write, relative to the project folder.", valueName: "DIR"))
    var output: String = "Output"

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the time each stage took.")
    var verbose = false

    func run() throws {
        let rootURL = projectRootURL(root)
        let outputURL = URL(fileURLWithPath: output, relativeTo: rootURL).standardizedFileURL
        var options = BuildOptions(root: rootURL, output: outputURL, includeDrafts: drafts)
        let progress = ProgressLine.standard(enabled: !quiet)
        if let progress {
            options.progress = { text in progress.show(text) }
        }
        // Shown and done as soon as the output is written: freeing the build's data is left to the end of the process.
        options.succeeded = { [quiet, verbose] report in
            Self.show(report, progress: progress, quiet: quiet, verbose: verbose)
            Foundation.exit(0)
        }
        let report = SiteBuilder.build(options)
        Self.show(report, progress: progress, quiet: quiet, verbose: verbose)
        guard report.succeeded else {
            FileHandle.standardError.write(Data("build failed; the output folder was left as it was\n".utf8))
            throw ExitCode(1)
        }
    }

    private static func show(_ report: BuildReport, progress: ProgressLine?, quiet: Bool, verbose: Bool) {
        progress?.clear()
        let shown = quiet ? report.diagnostics.filter { $0.severity == .error } : report.diagnostics
        DiagnosticPrinter.standard.report(shown)
        guard report.succeeded else { return }
        if verbose {
            for (name, seconds) in report.stages { print(String(format: "%8.3f s  %@", seconds, name)) }
        }
        if !quiet { print(report.summary) }
    }
}
