import ArgumentParser
import BrandpressKit
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Prints the HTML of one Markdown file, made by exactly the build's Markdown code."
    )

    @Flag(help: "Keep raw HTML and javascript: links (cmark's unsafe mode).")
    var unsafe = false

    @Flag(help: "Plain CommonMark: turn off heading ids, CJK line breaks, smart punctuation and CJK-friendly emphasis.")
    var commonmark = false

    @Argument(help: "The Markdown file to render, or - for standard input. Front matter is skipped unless --commonmark.")
    var file: String = "-"

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read '\(file)': check the path and that the file is readable")
            }
            data = contents
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(data, path: file == "-" ? "<stdin>" : file)
        } catch let failure as BuildFailure {
            DiagnosticPrinter.standard.print(failure.diagnostics)
            throw ExitCode.failure
        }
        var options = commonmark ? MarkdownOptions.commonMark : MarkdownOptions()
        options.unsafeHTML = unsafe
        var markdown = decoded.text
        // A page's front matter is not Markdown; plain CommonMark mode keeps every byte as given.
        if !commonmark, let parts = try? FrontMatterSplitter.split(markdown, file: file), parts.yaml != nil {
            markdown = parts.body
        }
        let rendered = MarkdownRenderer.render(markdown, options: options)
        FileHandle.standardOutput.write(Data(rendered.html.utf8))
    }
}
