import ArgumentParser
import BrandpressCommandLine
import BrandpressKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Finds every problem the build would find, and more, without writing anything.",
        discussion: "Also warns about images without alt text, images over 2 MB and files in Content/ that no page links to."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: ArgumentHelp("The project folder, holding Content/ and Templates/.", valueName: "DIR"))
    var root: String = "."

    @Option(name: .long, help: "text (path:line:column: error: …) or json, for tools.")
    var format: Format = .text

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() throws {
        let rootURL = projectRootURL(root)
        let report = SiteBuilder.build(BuildOptions(root: rootURL, includeDrafts: drafts, checkOnly: true))
        switch format {
        case .text:
            DiagnosticPrinter.standard.report(report.diagnostics)
            if report.diagnostics.isEmpty { print("no problems found") }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report.diagnostics.map(DiagnosticRecord.init))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

/// One diagnostic as JSON: `{"severity", "file", "line", "column", "message"}`.
struct DiagnosticRecord: Encodable {
    var severity: String
    var file: String?
    var line: Int?
    var column: Int?
    var message: String

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        file = diagnostic.file
        line = diagnostic.line
        column = diagnostic.column
        message = diagnostic.message
    }
}
