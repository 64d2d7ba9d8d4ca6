/// Just enough JSON writing for the index files, with keys in a fixed order so builds are reproducible.
enum SearchJSON {
    static func string(_ text: String) -> String {
        DoubleQuotedString.quoted(text)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    static func numbers(_ items: [Int]) -> String {
        array(items.map(String.init))
    }
}
