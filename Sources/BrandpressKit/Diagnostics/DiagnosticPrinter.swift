import Foundation

/// Writes diagnostics to standard error, coloured only on a terminal and never with `NO_COLOR`.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public static var standard: DiagnosticPrinter {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticPrinter(useColor: isatty(STDERR_FILENO) == 1 && !noColor)
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let plain = diagnostic.description
        guard useColor else { return plain }
        let label = "\(diagnostic.severity.rawValue):"
        let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return plain.replacingOccurrences(of: label, with: "\(colour)\(label)\u{1B}[0m", options: [], range: plain.range(of: label))
    }

    public func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(format).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func printSummary(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        guard errors + warnings > 0 else { return }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        FileHandle.standardError.write(Data((parts.joined(separator: " and ") + "\n").utf8))
    }
}
