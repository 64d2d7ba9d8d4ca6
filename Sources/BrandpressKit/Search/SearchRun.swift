/// A run of Han characters or of word characters inside a text, and the tokens it gives.
struct SearchRun: Equatable {
    enum Kind { case han, word }

    var kind: Kind
    /// Offset of the first scalar in the text.
    var start: Int
    var scalars: [Unicode.Scalar]

    var end: Int { start + scalars.count }

    func tokens(singleHan: Bool) -> [String] {
        switch kind {
        case .word:
            return [String(String.UnicodeScalarView(scalars))]
        case .han:
            var tokens: [String] = []
            tokens.reserveCapacity(scalars.count * (singleHan ? 2 : 1))
            if scalars.count >= 2 {
                for index in 0..<(scalars.count - 1) {
                    // Two scalars fit a small string: no array and no heap allocation per bigram.
                    var bigram = ""
                    bigram.unicodeScalars.append(scalars[index])
                    bigram.unicodeScalars.append(scalars[index + 1])
                    tokens.append(bigram)
                }
            }
            if singleHan { tokens += scalars.map { String($0) } }
            return tokens
        }
    }
}
