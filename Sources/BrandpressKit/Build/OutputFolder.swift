import Foundation

/// Writes a build into a hidden staging folder beside the output folder and swaps it in only at the
/// end, so the published folder is never half-written. Leftovers of a killed build are cleaned up
/// by the next one.
public struct OutputFolder: Sendable {
    public let output: URL
    public let staging: URL
    let retired: URL

    static let stagingMarker = ".brandpress-staging-"
    static let retiredMarker = ".brandpress-old-"

    public init(output: URL) {
        self.output = output
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let id = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(".\(name)\(Self.stagingMarker)\(id)")
        retired = parent.appendingPathComponent(".\(name)\(Self.retiredMarker)\(id)")
    }

    /// Refuses output folders whose replacement would destroy the project or the system.
    public static func check(_ output: URL, layout: ProjectLayout) -> Diagnostic? {
        let path = output.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [layout.root, layout.content, layout.templates].map { $0.resolvingSymlinksInPath().path }
        if path == "/" || path.isEmpty {
            return .error("the output folder cannot be /; choose a folder of its own, like Output", file: nil)
        }
        for folder in protected where folder == path || folder.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
            return .error("the output folder \(path) is or contains \(folder), which the build would replace; choose a folder of its own, like Output", file: nil)
        }
        if let home = ProcessInfo.processInfo.environment["HOME"], URL(fileURLWithPath: home).standardizedFileURL.path == path {
            return .error("the output folder cannot be your home folder; choose a folder of its own, like Output", file: nil)
        }
        return nil
    }

    /// Removes staging folders of killed builds, and restores the output if a build died mid-swap.
    public func recoverLeftovers() {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = "." + output.lastPathComponent
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let retiredFolders = names.filter { $0.hasPrefix(prefix + Self.retiredMarker) }
        if !fileManager.fileExists(atPath: output.path), let last = retiredFolders.last {
            try? fileManager.moveItem(at: parent.appendingPathComponent(last), to: output)
        }
        for name in names where name.hasPrefix(prefix + Self.stagingMarker) || name.hasPrefix(prefix + Self.retiredMarker) {
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    public func createStaging() throws {
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// Swaps the finished staging folder in: two renames, the old tree deleted afterwards.
    public func commit() throws {
        let fileManager = FileManager.default
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            throw error
        }
        if hadOutput { TreeRemoval.remove(retired.path) }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Site path → file in the staging folder.
    public func stagedURL(_ sitePath: String) -> URL {
        staging.appendingPathComponent(sitePath)
    }

    /// The same as a path: `URL.appendingPathComponent` asks the file system whether each path is a
    /// folder, which for thousands of files costs more than writing them.
    func stagedPath(_ sitePath: String) -> String {
        staging.path + "/" + sitePath
    }
}
