import ArgumentParser
import BrandpressKit

@main
struct Brandpress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brandpress",
        abstract: "Builds the brand publications in Content/ into a static site in Output/.",
        subcommands: [BuildCommand.self, CheckCommand.self, RenderCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
