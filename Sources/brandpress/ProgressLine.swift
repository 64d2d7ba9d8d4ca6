import Foundation

/// One line on the terminal that says what the build is doing, overwritten as it goes and erased at the end.
/// Only on a terminal: logs and pipes get no control characters.
final class ProgressLine: Sendable {
    static func standard(enabled: Bool) -> ProgressLine? {
        enabled && isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)…".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
