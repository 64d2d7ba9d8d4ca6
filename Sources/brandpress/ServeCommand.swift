import ArgumentParser
import BrandpressCommandLine
import Foundation

/// `brandpress serve`: the preview server is an executable of its own, `brandpress-serve`, beside
/// this one, which this command becomes (`execv`). Its web server's library brings Foundation's
/// networking and libcurl with some thirty more shared libraries; kept out of `brandpress`, every
/// build starts 7 ms sooner.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.configuration

    @OptionGroup var options: ServeOptions

    func run() throws {
        let here = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let server = here.deletingLastPathComponent().appendingPathComponent("brandpress-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw Self.failure("the preview server \(server) is not there: it is built beside brandpress by `make build` "
                + "(or `swift build -c release --product brandpress-serve`); copy it wherever brandpress is copied")
        }
        let arguments = ["brandpress-serve"] + options.arguments
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(server, &pointers)
        throw Self.failure("cannot start the preview server \(server): \(String(cString: strerror(errno)))")
    }

    private static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}
