import BrandpressKit
import Foundation

/// `--root DIR` as an absolute folder, relative to the current folder when it is relative.
public func projectRootURL(_ root: String) -> URL {
    URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
}

extension DiagnosticPrinter {
    /// Every diagnostic, then the count line.
    public func report(_ diagnostics: [Diagnostic]) {
        print(diagnostics)
        printSummary(diagnostics)
    }
}
