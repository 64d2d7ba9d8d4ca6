/// One problem found in a run, located in a project file where possible.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// Project-relative path of the file the problem is in, e.g. `Content/stories/a.md`.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ message: String, file: String?, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message)
    }

    public static func warning(_ message: String, file: String?, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message)
    }

    /// `path:line:column: error: message`, the format compilers use and editors can jump to.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line):\(column ?? 1)"
            }
            location += ": "
        }
        return "\(location)\(severity.rawValue): \(message)"
    }

    /// Orders by file, then line, so a report reads top to bottom.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fa = a.file ?? "", fb = b.file ?? ""
        if fa != fb { return fa < fb }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        return a.message < b.message
    }
}

/// Thrown when a step cannot go on; carries every diagnostic gathered so far.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
