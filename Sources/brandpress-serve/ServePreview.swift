import ArgumentParser
import BrandpressCommandLine
import BrandpressKit
import BrandpressServe
import CAllocator
import Foundation

/// The preview server behind `brandpress serve`, which starts it with the options it was given.
@main
struct ServePreview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brandpress serve",
        abstract: ServeOptions.configuration.abstract,
        discussion: ServeOptions.configuration.discussion
    )

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let rootURL = projectRootURL(options.root)
        guard FileManager.default.fileExists(atPath: ProjectLayout(root: rootURL).content.path) else {
            throw Self.failure("there is no Content/ folder in \(rootURL.path); run brandpress in the project folder or pass --root DIR")
        }
        // serve keeps the last build in memory and rebuilds every few seconds while an editor types:
        // memory each build frees goes back to the system within a quarter of a second instead of
        // ten, also while serve waits, so that it does not add to the next build's (at 10,000 pages
        // the peak fell from 190 to 183 MiB, and the memory held while waiting from 188 to 164 MiB,
        // at the same rebuild time). `build` keeps the default: there, giving memory back cost CPU time.
        _ = brandpress_return_freed_memory_after(250)
        let stop = ShutdownSignal()
        let session: PreviewSession
        do {
            session = try PreviewSession(root: rootURL, port: options.port, includeDrafts: options.drafts) { [verbose = options.verbose] report in
                Self.log(report, verbose: verbose)
            }
        } catch {
            throw Self.failure("cannot start the preview: \(error)")
        }
        let serverTask = Task { try await session.server.run() }
        let actualPort: UInt16
        do {
            actualPort = try await session.server.waitUntilListening()
        } catch {
            var reason = "\(error)"
            if case .failure(let serverError) = await serverTask.result { reason = "\(serverError)" }
            await session.close()
            throw Self.failure("cannot listen on 127.0.0.1:\(options.port) (\(reason)); another program may be using the port: try another --port")
        }
        session.builder.build()
        let unwatched = session.unwatchedFolders
        if let first = unwatched.first {
            FileHandle.standardError.write(Data(("warning: \(unwatched.count) folder(s), such as \(first), cannot be watched (the system's limit of "
                + "inotify watches is reached): saving a file there starts no rebuild; raise the limit with "
                + "`sudo sysctl fs.inotify.max_user_watches=524288`, or restart serve to see such changes\n").utf8))
        }
        Self.say("serving the preview at http://127.0.0.1:\(actualPort)/  (Ctrl-C stops it)")
        await stop.wait()
        Self.say("\nstopping; removing \(session.workFolder.path)")
        await session.close()
        serverTask.cancel()
    }

    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }

    /// Unbuffered, so the lines show at once even when the output goes to a file or a pipe.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func log(_ report: BuildReport, verbose: Bool) {
        DiagnosticPrinter.standard.report(report.diagnostics)
        if report.succeeded {
            if verbose {
                for (name, seconds) in report.stages { Self.say(String(format: "%8.3f s  %@", seconds, name)) }
            }
            Self.say(report.summary)
        } else {
            FileHandle.standardError.write(Data("build failed; still serving the last good site\n".utf8))
        }
    }
}
