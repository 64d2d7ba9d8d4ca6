import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`) without the trip through
    /// NSString when neither end can be white space, which is nearly always: titles, units, paths.
    func trimmingWhitespace(andNewlines: Bool = false) -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, Self.cannotBeWhitespace(first), Self.cannotBeWhitespace(last) {
            return String(self)
        }
        return trimmingCharacters(in: andNewlines ? .whitespacesAndNewlines : .whitespaces)
    }

    /// Every white space and newline character is below U+0021 or between U+0080 and U+3000.
    private static func cannotBeWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value) || scalar.value > 0x3000
    }
}
