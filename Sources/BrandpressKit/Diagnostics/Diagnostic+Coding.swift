/// A problem in the build cache's bytes (`ByteWriter`): the rendered Markdown's and the publications'.
extension Diagnostic {
    func write(to writer: inout ByteWriter) {
        writer.write(severity == .error)
        writer.write(file)
        writer.write(line)
        writer.write(column)
        writer.write(message)
    }

    static func read(_ reader: inout ByteReader) -> Diagnostic? {
        guard let isError = reader.bool(), let file = reader.optionalString(), let line = reader.optionalInt(),
              let column = reader.optionalInt(), let message = reader.string() else { return nil }
        return Diagnostic(isError ? .error : .warning, file: file, line: line, column: column, message)
    }
}
