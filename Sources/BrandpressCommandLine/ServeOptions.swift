import ArgumentParser

/// What `brandpress serve` takes. `brandpress` parses them (for its help and its errors) and hands
/// them to the preview server's own executable, `brandpress-serve`, which parses them again.
public struct ServeOptions: ParsableArguments {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Previews the site on 127.0.0.1, rebuilding and reloading the browser on every change.",
        discussion: "Builds into a private temporary folder (never Output/) and removes it on Ctrl-C."
    )

    @Option(name: .long, help: ArgumentHelp("The port to listen on (127.0.0.1 only).", valueName: "PORT"))
    public var port: UInt16 = 8000

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    public var drafts = false

    @Option(name: .long, help: ArgumentHelp("The project folder, holding Content/ and Templates/.", valueName: "DIR"))
    public var root: String = "."

    @Flag(name: .shortAndLong, help: "Also print the time each stage of a build took.")
    public var verbose = false

    public init() {}

    /// The options written out again as arguments that parse to these options (`--root=DIR`, so that
    /// a folder whose name starts with `-` stays the option's value).
    public var arguments: [String] {
        ["--port=\(port)", "--root=\(root)"] + (drafts ? ["--drafts"] : []) + (verbose ? ["--verbose"] : [])
    }
}
