/// Just enough JSON writing for the index files, with keys in a fixed order so builds are reproducible.
enum SearchJSON {
    static func string(_ text: String) -> String {
        DoubleQuotedString.quoted(text)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// `[1,22,3]`, written digit by digit: posting lists hold millions of numbers, most of one digit.
    static func numbers(_ items: [Int]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(items.count * 3 + 2)
        for (offset, item) in items.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            if item < 0 { bytes.append(UInt8(ascii: "-")) }
            var rest = item.magnitude
            if rest < 10 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest))
                continue
            }
            var digits = 1
            var power: UInt = 10
            while rest >= power && digits < 19 {
                digits += 1
                power &*= 10
            }
            // Room for the digits, then filled from the lowest.
            var position = bytes.count + digits
            for _ in 0..<digits { bytes.append(UInt8(ascii: "0")) }
            repeat {
                position -= 1
                bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
