/// A calendar date (with optional time) as editors write it: `2024-05-01`, `2024-05-01 08:30`, `2024-05-01T08:30:00+08:00`.
public struct PageDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds after midnight, 0 when only a date was given.
    public var secondsOfDay: Int
    /// `+08:00`-style offset as written, or nil (then China Standard Time is assumed for feeds).
    public var zone: String?

    init(year: Int, month: Int, day: Int, secondsOfDay: Int, zone: String?) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
        self.zone = zone
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(trimmed.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == 45, scalars[7] == 45,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = 0
        self.zone = nil
        guard scalars.count > 10 else { return }
        guard scalars[10] == 84 || scalars[10] == 32, let hour = number(11..<13), scalars.count >= 16, scalars[13] == 58,
              let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        var seconds = hour * 3600 + minute * 60
        var rest = 16
        if scalars.count >= 19, scalars[16] == 58, let second = number(17..<19), second < 60 {
            seconds += second
            rest = 19
        }
        self.secondsOfDay = seconds
        let zonePart = String(decoding: scalars[rest...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if !zonePart.isEmpty {
            guard zonePart == "Z" || (zonePart.count == 6 && (zonePart.hasPrefix("+") || zonePart.hasPrefix("-"))) else { return nil }
            self.zone = zonePart
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2024-05-01`
    public var isoDate: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    /// `2024年5月1日`
    public var chineseDate: String { "\(year)年\(month)月\(day)日" }

    /// RFC 3339 for Atom feeds, in the written zone or China Standard Time.
    public var rfc3339: String {
        let hours = secondsOfDay / 3600, minutes = secondsOfDay / 60 % 60, seconds = secondsOfDay % 60
        return "\(isoDate)T\(Self.twoDigits(hours)):\(Self.twoDigits(minutes)):\(Self.twoDigits(seconds))\(zone ?? "+08:00")"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    public static func < (a: PageDate, b: PageDate) -> Bool {
        (a.year, a.month, a.day, a.secondsOfDay) < (b.year, b.month, b.day, b.secondsOfDay)
    }
}
