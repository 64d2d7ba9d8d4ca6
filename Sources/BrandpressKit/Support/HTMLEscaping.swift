/// Escaping of text written into HTML: `& < > " '` become entities, everything else stays. Works on
/// UTF-8 bytes, and hands back the same string when there is nothing to escape (nearly always).
public enum HTMLEscaping {
    public static func attribute(_ value: String) -> String {
        escape(value)
    }

    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count + 16)
            result.append(contentsOf: utf8[..<first])
            for byte in utf8[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
