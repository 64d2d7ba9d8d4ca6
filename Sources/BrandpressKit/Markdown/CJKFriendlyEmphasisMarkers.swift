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

    /// What cmark's flanking test sees in the marker.
    var characterClass: CJKFriendlyEmphasisClass {
        switch self {
        case .letter: Self.letterClass
        case .punctuation: Self.punctuationClass
        case .space: Self.spaceClass
        }
    }

    private static let letterClass = CJKFriendlyEmphasisClass(Self.letter.scalar)
    private static let punctuationClass = CJKFriendlyEmphasisClass(Self.punctuation.scalar)
    private static let spaceClass = CJKFriendlyEmphasisClass(Self.space.scalar)

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

    /// The same on the source's UTF-8 bytes: delimiters are found with memchr, the markers are
    /// planned for the lines with a `*` or `_` alone (few, on most pages), and the source is copied
    /// once, with them.
    private static func markedSource(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        func offset(of byte: UInt8, from start: Int) -> Int {
            memchr(base + start, Int32(byte), bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
        }
        var nextStar = offset(of: UInt8(ascii: "*"), from: 0), nextUnderscore = offset(of: UInt8(ascii: "_"), from: 0)
        guard min(nextStar, nextUnderscore) < bytes.count else { return nil }
        let whole = UnsafeRawBufferPointer(bytes)
        guard !markerBytes.contains(where: { marker in marker.withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: whole) != nil } }) else { return nil }
        // In ascending offset; two adjacent runs that both want a marker between them share one
        // (it is punctuation then, see `markerOptions`): the later run's.
        var markers: [(offset: Int, marker: CJKFriendlyEmphasisMarker)] = []
        func mark(_ offset: Int, _ marker: CJKFriendlyEmphasisMarker) {
            if markers.last?.offset == offset { markers.removeLast() }
            markers.append((offset, marker))
        }
        // Line by line, from each line with a delimiter to the next.
        while min(nextStar, nextUnderscore) < bytes.count {
            var lineStart = min(nextStar, nextUnderscore)
            while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
            let lineEnd = offset(of: UInt8(ascii: "\n"), from: lineStart)
            for run in CJKFriendlyEmphasisScanner.runs(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                guard let insertion = insertion(for: run) else { continue }
                if let marker = insertion.before { mark(lineStart + run.start, marker) }
                if let marker = insertion.after { mark(lineStart + run.end, marker) }
            }
            if nextStar < lineEnd { nextStar = offset(of: UInt8(ascii: "*"), from: lineEnd) }
            if nextUnderscore < lineEnd { nextUnderscore = offset(of: UInt8(ascii: "_"), from: lineEnd) }
        }
        guard !markers.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 4 * markers.count)
        var copied = 0
        for (offset, marker) in markers {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<offset]))
            UTF8.encode(marker.scalar) { output.append($0) }
            copied = offset
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The markers' UTF-8 bytes: a source that already holds one is left to cmark as it is.
    private static let markerBytes = CJKFriendlyEmphasisMarker.allCases.map { Array(String(Character($0.scalar)).utf8) }

    /// nil when cmark already decides like the markdown-cjk-friendly rules, or when no markers can make it.
    static func insertion(for run: CJKFriendlyEmphasisRun) -> Insertion? {
        let before = CJKFriendlyEmphasisClass(run.neighbours.before), after = CJKFriendlyEmphasisClass(run.neighbours.after)
        let wanted = CJKFriendlyEmphasisFlanking.cjkFriendly(run.delimiter, run.neighbours, before: before, after: after)
        guard wanted != CJKFriendlyEmphasisFlanking.commonMark(run.delimiter, before: before, after: after) else { return nil }
        let beforeOptions = markerOptions(next: run.neighbours.before, of: before)
        let afterOptions = markerOptions(next: run.neighbours.after, of: after)
        var candidates: [Insertion] = []
        for before in beforeOptions { candidates.append(Insertion(before: before, after: nil)) }
        for after in afterOptions { candidates.append(Insertion(before: nil, after: after)) }
        for before in beforeOptions {
            for after in afterOptions { candidates.append(Insertion(before: before, after: after)) }
        }
        return candidates.first { candidate in
            CJKFriendlyEmphasisFlanking.commonMark(run.delimiter, before: candidate.before?.characterClass ?? before,
                                                   after: candidate.after?.characterClass ?? after) == wanted
        }
    }

    /// Markers never touch whitespace or a line's ends (block structure stays as it was), and next to
    /// a character that has flanking of its own (another run, a smart quote) only punctuation may go,
    /// which that character sees exactly like the `*` or `_` it replaces.
    private static func markerOptions(next neighbour: Unicode.Scalar?, of neighbourClass: CJKFriendlyEmphasisClass) -> [CJKFriendlyEmphasisMarker] {
        guard let neighbour, !neighbourClass.isWhitespace else { return [] }
        if ["*", "_", "\"", "'"].contains(neighbour) { return [.punctuation] }
        return [.letter, .punctuation, .space]
    }
}
