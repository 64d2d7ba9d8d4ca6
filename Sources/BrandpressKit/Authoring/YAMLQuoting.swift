/// Writes any text as a YAML double-quoted scalar, so titles with `: `, `#`, quotes or leading
/// `-`/`*`/`&` can never change the meaning of the front matter.
public enum YAMLQuoting {
    public static func quoted(_ text: String) -> String {
        DoubleQuotedString.quoted(text)
    }
}
