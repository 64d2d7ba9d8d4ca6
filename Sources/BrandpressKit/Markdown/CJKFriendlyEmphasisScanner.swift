/// One `*` or `_` run in a source line, positions counted in Unicode scalars of that line.
struct CJKFriendlyEmphasisRun: Hashable, Sendable {
    var delimiter: Unicode.Scalar
    /// First scalar of the run; the run ends before `end`.
    var start: Int
    var end: Int
    var neighbours: CJKFriendlyEmphasisNeighbours
}

/// Finds the delimiter runs of one source line the way cmark's inline parser meets them:
/// backslash escapes are skipped, and a run preceded only by indentation or block-quote markers
/// starts the line. It does not know about code spans, HTML or link destinations; a run found there
/// is harmless, because the markers inserted next to it are removed from every literal afterwards.
enum CJKFriendlyEmphasisScanner {
    static func runs(in line: [Unicode.Scalar]) -> [CJKFriendlyEmphasisRun] {
        var runs: [CJKFriendlyEmphasisRun] = []
        var onlyPrefixSoFar = true
        var index = 0
        while index < line.count {
            let scalar = line[index]
            if scalar == "\\", index + 1 < line.count, line[index + 1].isASCII,
               CJKFriendlyEmphasisFlanking.isPunctuation(line[index + 1]) {
                index += 2
                onlyPrefixSoFar = false
                continue
            }
            guard scalar == "*" || scalar == "_" else {
                if !(scalar == " " || scalar == "\t" || scalar == ">") { onlyPrefixSoFar = false }
                index += 1
                continue
            }
            var end = index + 1
            while end < line.count && line[end] == scalar { end += 1 }
            let neighbours = CJKFriendlyEmphasisNeighbours(
                before: onlyPrefixSoFar || index == 0 ? nil : line[index - 1],
                beforeBefore: onlyPrefixSoFar || index < 2 ? nil : line[index - 2],
                after: end < line.count ? line[end] : nil
            )
            runs.append(CJKFriendlyEmphasisRun(delimiter: scalar, start: index, end: end, neighbours: neighbours))
            onlyPrefixSoFar = false
            index = end
        }
        return runs
    }
}
