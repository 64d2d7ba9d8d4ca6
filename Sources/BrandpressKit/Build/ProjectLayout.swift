import Foundation

/// Where a project's folders are, and how to name a path in messages (relative to the project).
public struct ProjectLayout: Sendable {
    public var root: URL
    public var content: URL
    public var templates: URL
    public var output: URL

    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.content = self.root.appendingPathComponent("Content")
        self.templates = self.root.appendingPathComponent("Templates")
        self.output = (output ?? self.root.appendingPathComponent("Output")).standardizedFileURL
    }

    /// `Content/a.md` for a file inside the project, the full path for one outside.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }
}
