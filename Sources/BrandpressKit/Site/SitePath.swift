#if canImport(Glibc)
import Glibc
#endif

/// Paths inside the site, always with `/` separators and no leading slash.
public enum SitePath {
    /// `01-basics` → `basics`: a numeric prefix orders files but shows neither in titles nor URLs.
    public static func strippingOrderPrefix(_ name: String) -> String {
        guard let (_, rest) = orderPrefix(name), !rest.isEmpty else { return name }
        return rest
    }

    /// The number and the rest of `01-basics`, or nil when the name has no 1–3 digit prefix.
    /// On UTF-8 bytes, like the path helpers below: these run for every path of every page, and
    /// going one Chinese character (grapheme cluster) at a time was a tenth of reading a site.
    public static func orderPrefix(_ name: String) -> (Int, String)? {
        guard let (number, dash) = orderNumber(name) else { return nil }
        return (number, substring(name, from: name.utf8.index(after: dash)))
    }

    /// The number of `01-basics`, and where its dash is, without making the rest of the name.
    static func orderNumber(_ name: String) -> (Int, dash: String.Index)? {
        let utf8 = name.utf8
        var number = 0
        var digits = 0
        var index = utf8.startIndex
        while index != utf8.endIndex, digits <= 3, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[index]) {
            number = number * 10 + Int(utf8[index] - UInt8(ascii: "0"))
            digits += 1
            index = utf8.index(after: index)
        }
        guard (1...3).contains(digits), index != utf8.endIndex, utf8[index] == UInt8(ascii: "-") else { return nil }
        return (number, index)
    }

    public static func directory(of path: String) -> String {
        guard let slash = lastSlash(in: path) else { return "" }
        return substring(path, upTo: slash)
    }

    public static func fileName(of path: String) -> String {
        guard let slash = lastSlash(in: path) else { return path }
        return substring(path, from: path.utf8.index(after: slash))
    }

    /// The file name without its last extension (`02-meetings` of `a/02-meetings.md`), found on the
    /// bytes and made once.
    static func fileStem(of path: String) -> String {
        path.utf8.withContiguousStorageIfAvailable { bytes -> String in
            var end = bytes.count, start = bytes.count
            while start > 0 && bytes[start - 1] != UInt8(ascii: "/") {
                start -= 1
                if bytes[start] == UInt8(ascii: "."), end == bytes.count { end = start }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } ?? {
            let name = fileName(of: path)
            guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return name }
            return String(name[..<dot])
        }()
    }

    /// The strings one after another in one new string, made at once: `+` and `append` each check
    /// the join and may allocate anew.
    static func concatenating(_ first: String, _ second: String, _ third: String, _ fourth: String) -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for var part in [first, second, third, fourth] {
                part.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Found on the bytes: the UTF-8 view's own `lastIndex(of:)` steps back one index at a time,
    /// and builds ask for tens of thousands of paths' folders and names.
    static func lastSlash(in path: String) -> String.Index? {
        let utf8 = path.utf8
        guard let found = utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            var offset = bytes.count - 1
            while offset >= 0 && bytes[offset] != UInt8(ascii: "/") { offset -= 1 }
            return offset >= 0 ? offset : nil
        }) else { return utf8.lastIndex(of: UInt8(ascii: "/")) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether `directory(of: path)` has the bytes of `folder` (canonically equal strings in other
    /// bytes are not), found without making the directory's path.
    static func isDirectly(in folder: String, _ path: String) -> Bool {
        var folder = folder, path = path
        return folder.withUTF8 { folderBytes in
            path.withUTF8 { pathBytes in
                let count = folderBytes.count
                if count == 0 && !pathBytes.contains(UInt8(ascii: "/")) { return true }
                guard pathBytes.count > count, pathBytes[count] == UInt8(ascii: "/"),
                      !pathBytes[(count + 1)...].contains(UInt8(ascii: "/")) else { return false }
                return count == 0 || memcmp(folderBytes.baseAddress!, pathBytes.baseAddress!, count) == 0
            }
        }
    }

    /// The text before or after an ASCII byte's index, which always falls between Unicode scalars.
    private static func substring(_ text: String, upTo end: String.Index) -> String {
        String(text.utf8[..<end]) ?? String(text[..<end])
    }

    private static func substring(_ text: String, from start: String.Index) -> String {
        String(text.utf8[start...]) ?? String(text[start...])
    }

    public static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    /// Resolves `.` and `..`; nil when the path climbs above the root.
    public static func normalize(_ path: String) -> String? {
        if hasOnlyPlainParts(path) { return path }
        var parts: [Substring] = []
        // Split on the bytes: splitting the String compares Characters, a grapheme break at every one.
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Substring.init) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether every `/`-separated part of `path` is non-empty and neither `.` nor `..` (nor, with
    /// `orderPrefixes`, starts with a digit): such a path comes out of `normalize` (and
    /// `outputDirectory(for:)`) as it went in, so they can skip splitting and joining it.
    static func hasOnlyPlainParts(_ path: String, orderPrefixes: Bool = false) -> Bool {
        var partLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard partLength > 0, dots < partLength || dots > 2 else { return false }
                partLength = 0
                dots = 0
                continue
            }
            if partLength == 0 && orderPrefixes && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return false }
            if byte == UInt8(ascii: ".") { dots += 1 }
            partLength += 1
        }
        return partLength > 0 && (dots < partLength || dots > 2)
    }

    /// The URL of `target` as seen from a page whose output file is `from`, both site paths; percent-encoded.
    public static func relativeURL(from: String, to target: String) -> String {
        relativeURL(fromDirectory: parts(of: directory(of: from)), to: target)
    }

    /// The parts of a site path between its slashes, empty ones left out. Split on the UTF-8 bytes:
    /// a slash is never part of a longer character, and pages split their folders for every link.
    public static func parts(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// A site path as a URL path from the site root, each segment percent-encoded.
    public static func encoded(_ sitePath: String) -> String {
        relativeURL(fromDirectory: [], to: sitePath)
    }

    /// The same, with the linking page's folders already split (pages make hundreds of links).
    /// Works on UTF-8 bytes: folders match when their bytes do.
    public static func relativeURL(fromDirectory fromParts: [Substring], to target: String) -> String {
        let original = target
        var target = target
        return target.withUTF8 { bytes in
            var common = 0
            var start = 0
            // The last part is the file name, so only parts that a slash ends can be shared folders.
            while common < fromParts.count, let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")),
                  fromParts[common].utf8.elementsEqual(bytes[start..<slash]) {
                common += 1
                start = slash + 1
            }
            let climbs = fromParts.count - common
            // A path from the same folder or the root that needs no escaping is its own URL (the
            // search index asks for 10,000 pages' URLs from the root at every build).
            if climbs == 0 && start == 0 && bytes.allSatisfy({ isUnreserved($0) || $0 == UInt8(ascii: "/") }) { return original }
            var url: [UInt8] = []
            url.reserveCapacity(climbs * 3 + (bytes.count - start) * 3)
            for _ in 0..<climbs { url.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), UInt8(ascii: "/")]) }
            appendPercentEncoded(bytes[start...], keepingSlashes: true, to: &url)
            return String(decoding: url, as: UTF8.self)
        }
    }

    /// `../../` for a page two folders deep, `""` at the top: what templates put before site-wide URLs.
    public static func rootPrefix(for outputPath: String) -> String {
        String(repeating: "../", count: parts(of: outputPath).count - 1)
    }

    /// Whether the name or path ends with `.md` or `.markdown`, in any case: compared byte by byte,
    /// as lowercasing every file name made a new string for each.
    static func isMarkdown(_ name: String) -> Bool {
        let bytes = name.utf8
        return markdownExtensions.contains { ext in
            bytes.count >= ext.count && bytes.suffix(ext.count).elementsEqual(ext, by: { $0.asciiLowercased == $1 })
        }
    }

    private static let markdownExtensions: [[UInt8]] = [Array(".md".utf8), Array(".markdown".utf8)]

    /// The path as a file system that does not tell upper from lower case sees it (`lowercased()`),
    /// without making a new string for a path that has no capital letters, as nearly all do. Chinese
    /// and Japanese characters (U+3000–U+9FFF) have no case, and are told so without the Unicode
    /// tables that `lowercased()` consults for every other character.
    static func foldingCase(_ path: String) -> String {
        // Most paths are ASCII without capitals: told on the bytes in place, without decoding characters.
        let plain = path.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        }
        if plain == true { return path }
        for scalar in path.unicodeScalars {
            switch scalar.value {
            case 0..<0x41, 0x5B..<0x80, 0x3000...0x9FFF: continue
            default: return path.lowercased()
            }
        }
        return path
    }

    /// Percent-encodes one path segment: everything but unreserved ASCII and a few safe marks.
    public static func percentEncode<S: StringProtocol>(_ segment: S) -> String {
        if segment.utf8.allSatisfy(isUnreserved) { return String(segment) }
        var result: [UInt8] = []
        result.reserveCapacity(segment.utf8.count * 3)
        appendPercentEncoded(segment.utf8, keepingSlashes: false, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendPercentEncoded<Bytes: Sequence<UInt8>>(_ bytes: Bytes, keepingSlashes: Bool, to out: inout [UInt8]) {
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    public static func percentDecode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
