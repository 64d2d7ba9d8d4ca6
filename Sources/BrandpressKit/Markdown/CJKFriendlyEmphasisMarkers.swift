#if canImport(Glibc)
import Glibc
#endif

/// Invisible stand-ins inserted next to a delimiter run so that cmark's own CommonMark flanking test
/// gives the answer the markdown-cjk-friendly rules want; they are removed from the tree afterwards.
enum CJKFriendlyEmphasisMarker: CaseIterable, Sendable {
    /// Neither whitespace nor punctuation for cmark (a noncharacter).
    case letter
    /// Punctuation for cmark (U+2E19 PALM BRANCH), and so interchangeable with `*`, `_` and quotes as a neighbour.
    case punctuation
    /// Unicode whitespace for cmark (U+1680 OGHAM SPACE MARK).
    case space

    var scalar: Unicode.Scalar {
        switch self {
        case .letter: Unicode.Scalar(UInt32(0xFDD0))!  // Swift has no literal for noncharacters
        case .punctuation: "\u{2E19}"
        case .space: "\u{1680}"
        }
    }

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFDD0, 0x2E19, 0x1680: true
        default: false
        }
    }

    static func removed(from text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isMarker($0) })
        return String(scalars)
    }

    static func occurs(in text: String) -> Bool {
        text.unicodeScalars.contains(where: isMarker)
    }
}

/// Decides, run by run, which markers make cmark see the markdown-cjk-friendly flanking.
enum CJKFriendlyEmphasisPlanner {
    /// Markers to insert before and after one run.
    struct Insertion: Equatable {
        var before: CJKFriendlyEmphasisMarker?
        var after: CJKFriendlyEmphasisMarker?
    }

    /// The source with markers in place, or nil when no run needs one (Latin text always) or when the
    /// source already contains a marker character.
    static func markedSource(_ source: String) -> String? {
        var source = source
        return source.withUTF8(markedSource(utf8:))
    }

    /// The same on the source's UTF-8 bytes: lines are found with memchr, and only lines with a `*`
    /// or `_` (few, on most pages) are decoded into characters.
    private static func markedSource(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, bytes.contains(where: isDelimiter) else { return nil }
        let whole = UnsafeRawBufferPointer(bytes)
        guard !markerBytes.contains(where: { marker in marker.withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: whole) != nil } }) else { return nil }
        var changed = false
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var lineStart = 0
        while true {
            let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if lineStart > 0 { output.append(UInt8(ascii: "\n")) }
            if let marked = markedLine(line) {
                output.append(contentsOf: marked)
                changed = true
            } else {
                output.append(contentsOf: line)
            }
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : nil
    }

    /// One line with markers in place, or nil when it needs none.
    private static func markedLine(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard line.contains(where: isDelimiter) else { return nil }
        // The line is a slice of a String's bytes, so valid UTF-8: decoded without making a String.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(line.count)
        var bytes = line.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error: scalars.append("\u{FFFD}")
            }
        }
        // Keyed by position: two adjacent runs that both want a marker between them share one
        // (it is punctuation then, see `markerOptions`).
        var pending: [Int: CJKFriendlyEmphasisMarker] = [:]
        for run in CJKFriendlyEmphasisScanner.runs(in: scalars) {
            guard let insertion = insertion(for: run) else { continue }
            if let marker = insertion.before { pending[run.start] = marker }
            if let marker = insertion.after { pending[run.end] = marker }
        }
        guard !pending.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(line.count + 3 * pending.count)
        for (index, scalar) in scalars.enumerated() {
            if let marker = pending[index] { UTF8.encode(marker.scalar) { output.append($0) } }
            UTF8.encode(scalar) { output.append($0) }
        }
        return output
    }

    /// The markers' UTF-8 bytes: a source that already holds one is left to cmark as it is.
    private static let markerBytes = CJKFriendlyEmphasisMarker.allCases.map { Array(String(Character($0.scalar)).utf8) }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }

    /// nil when cmark already decides like the markdown-cjk-friendly rules, or when no markers can make it.
    static func insertion(for run: CJKFriendlyEmphasisRun) -> Insertion? {
        let wanted = CJKFriendlyEmphasisFlanking.cjkFriendly(run.delimiter, run.neighbours)
        guard wanted != CJKFriendlyEmphasisFlanking.commonMark(run.delimiter, run.neighbours) else { return nil }
        let beforeOptions = markerOptions(next: run.neighbours.before)
        let afterOptions = markerOptions(next: run.neighbours.after)
        var candidates: [Insertion] = []
        for before in beforeOptions { candidates.append(Insertion(before: before, after: nil)) }
        for after in afterOptions { candidates.append(Insertion(before: nil, after: after)) }
        for before in beforeOptions {
            for after in afterOptions { candidates.append(Insertion(before: before, after: after)) }
        }
        return candidates.first { candidate in
            var seen = run.neighbours
            if let marker = candidate.before {
                seen.before = marker.scalar
                seen.beforeBefore = nil
            }
            if let marker = candidate.after { seen.after = marker.scalar }
            return CJKFriendlyEmphasisFlanking.commonMark(run.delimiter, seen) == wanted
        }
    }

    /// Markers never touch whitespace or a line's ends (block structure stays as it was), and next to
    /// a character that has flanking of its own (another run, a smart quote) only punctuation may go,
    /// which that character sees exactly like the `*` or `_` it replaces.
    private static func markerOptions(next neighbour: Unicode.Scalar?) -> [CJKFriendlyEmphasisMarker] {
        guard let neighbour, !CJKFriendlyEmphasisFlanking.isWhitespace(neighbour) else { return [] }
        if ["*", "_", "\"", "'"].contains(neighbour) { return [.punctuation] }
        return [.letter, .punctuation, .space]
    }
}
