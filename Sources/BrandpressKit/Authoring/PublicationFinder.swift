import Foundation

/// Finds the folder of a publication by the `kind:` in its `_index.md` (or `index.md`),
/// wherever it is in `Content/`; the shallowest one wins when there are several.
public enum PublicationFinder {
    public static func folder(ofKind kind: String, in content: URL) -> URL? {
        guard let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return nil }
        var found: [URL] = []
        for case let url as URL in enumerator where ["_index.md", "index.md"].contains(url.lastPathComponent) {
            if self.kind(ofIndex: url) == kind { found.append(url.deletingLastPathComponent()) }
        }
        return found.min { a, b in
            let (da, db) = (a.pathComponents.count, b.pathComponents.count)
            return da != db ? da < db : a.path < b.path
        }
    }

    static func kind(ofIndex url: URL) -> String? {
        PageSource.load(path: url.lastPathComponent, contentDirectory: url.deletingLastPathComponent(), displayPrefix: "").0?.frontMatter.kind
    }
}
