import ArgumentParser
import BrandpressKit

@main
struct Brandpress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brandpress",
        abstract: "Builds the brand publications in Content/ into a static site in Output/.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, RenderCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
