import Foundation

/// ASCII-safe file names for new pages: `--slug` as given, an ASCII title made into a slug,
/// or, for a title that needs transliteration (which brandpress cannot do), the date and time.
public enum FileSlug {
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    /// The slug of an ASCII title (`Safety First!` → `safety-first`), nil when the title has other characters.
    public static func fromASCIITitle(_ title: String) -> String? {
        guard title.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        var slug = ""
        for byte in title.lowercased().utf8 {
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                slug.append(Character(UnicodeScalar(byte)))
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// `2024-05-01-0830`, from the given moment in the local time zone.
    public static func dateBased(_ date: Date, calendar: Calendar = .current) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(value ?? 0).leftPadded(to: 2) }
        return "\(parts.year ?? 2000)-\(two(parts.month))-\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))"
    }
}
