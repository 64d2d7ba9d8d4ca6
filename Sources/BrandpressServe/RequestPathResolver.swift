import Foundation

/// Maps a raw (percent-encoded) request path to a file under the served root, refusing anything
/// that could reach outside it: `..` in any spelling, NUL, backslashes, and symlinks leading out.
public struct RequestPathResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing slash; the browser should come back to `location`.
        case redirect(location: String)
        case notFound
        case forbidden
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func resolve(rawPath: String) -> Resolution {
        // Decoded exactly once: `%252e` stays the literal name `%2e`, never `.`.
        guard let decoded = rawPath.removingPercentEncoding else { return .forbidden }
        if decoded.contains("\0") || decoded.contains("\\") { return .forbidden }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return .forbidden }
        let segments = parts.filter { !$0.isEmpty && $0 != "." }.map(String.init)

        var candidate = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else {
            return .notFound
        }
        if isDirectory.boolValue {
            if !segments.isEmpty && !decoded.hasSuffix("/") {
                let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
                return .redirect(location: "/" + encoded.joined(separator: "/") + "/")
            }
            candidate.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return .notFound
            }
        }
        return isInsideRoot(candidate) ? .file(candidate) : .forbidden
    }

    /// True when the path, with every symlink followed, is the root or below it.
    func isInsideRoot(_ url: URL) -> Bool {
        guard let rootReal = Self.realPath(root.path), let real = Self.realPath(url.path) else { return false }
        return real == rootReal || real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
