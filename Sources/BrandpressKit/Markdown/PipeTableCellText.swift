/// Cell text prepared for a renderer that parses it as a whole document: GFM parses cells as
/// inlines only, so a cell such as `1. Step` or `-` must not turn into a list. A backslash before
/// the character that would start the block keeps the text and its inline meaning.
enum PipeTableCellText {
    static func inlineOnly(_ cell: String) -> String {
        let characters = Array(cell)
        guard let first = characters.first else { return cell }
        let second = characters.count > 1 ? characters[1] : nil
        let endsMarker = second == nil || second == " " || second == "\t"
        switch first {
        case "#":
            let hashes = characters.prefix(while: { $0 == "#" }).count
            let after = characters.count > hashes ? characters[hashes] : nil
            return hashes <= 6 && (after == nil || after == " " || after == "\t") ? "\\" + cell : cell
        case ">":
            return "\\" + cell
        case "-", "+", "*", "_":
            let isBullet = first != "_" && endsMarker
            return isBullet || isThematicBreak(characters) ? "\\" + cell : cell
        case "`", "~":
            let fence = characters.prefix(while: { $0 == first }).count
            let infoHasBacktick = first == "`" && characters.dropFirst(fence).contains("`")
            return fence >= 3 && !infoHasBacktick ? "\\" + cell : cell
        case "0"..."9":
            let digits = characters.prefix(while: { $0.isASCII && $0.isNumber }).count
            guard digits <= 9, characters.count > digits,
                  characters[digits] == "." || characters[digits] == ")"
            else { return cell }
            let after = characters.count > digits + 1 ? characters[digits + 1] : nil
            guard after == nil || after == " " || after == "\t" else { return cell }
            return String(characters[..<digits]) + "\\" + String(characters[digits...])
        default:
            return cell
        }
    }

    private static func isThematicBreak(_ characters: [Character]) -> Bool {
        guard let marker = characters.first, "-*_".contains(marker) else { return false }
        var count = 0
        for character in characters {
            if character == marker {
                count += 1
            } else if character != " " && character != "\t" {
                return false
            }
        }
        return count >= 3
    }
}
