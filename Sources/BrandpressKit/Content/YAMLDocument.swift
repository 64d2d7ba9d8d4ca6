import Foundation
import Yams

/// A YAML mapping read with line numbers, so every problem can point at its line.
struct YAMLDocument {
    struct Entry {
        var key: String
        var value: Node
        var line: Int
        var column: Int
    }

    var entries: [Entry]

    /// Parses `text`, whose first line is line `firstLine` of `file`.
    init(parsing text: String, file: String, firstLine: Int) throws {
        let root: Node?
        do {
            // The basic resolver: Yams hashes every mapping key to find duplicates, which with the
            // default one matches each key against seven regular expressions to learn its type.
            // Values are unaffected: `FieldValue` and `Node.int`/`bool`/`float`/`null` read plain
            // scalars by their text, never by the resolved tag. An explicit encoding: the default
            // one reads the process environment on every parse.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw BuildFailure(Self.diagnostic(for: error, text: text, file: file, firstLine: firstLine))
        }
        guard let root else {
            entries = []
            return
        }
        guard let mapping = root.mapping else {
            throw BuildFailure(.error(
                "front matter must be a list of `key: value` lines, not a single value",
                file: file, line: firstLine + (root.mark?.line ?? 1) - 1))
        }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            if let earlier = seen[key] {
                problems.append(.error("the key '\(key)' appears twice (first on line \(earlier)); keep one of them", file: file, line: line, column: keyNode.mark?.column))
                continue
            }
            seen[key] = line
            entries.append(Entry(key: key, value: value, line: line, column: keyNode.mark?.column ?? 1))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.entries = entries
    }

    static func diagnostic(for error: YamlError, text: String, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            // The problem is often only noticed at the end; the construct that started it is where to look.
            let location = context?.mark ?? mark
            var message = "malformed YAML: \(detail); check the quoting and brackets of this line (values containing ': ' or starting with a special character like [ { * & need quotes)"
            if location.line != mark.line { message += "; the problem shows on line \(firstLine + mark.line - 1)" }
            return .error(message, file: file, line: firstLine + location.line - 1, column: location.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { _, line in
                line.hasPrefix(key) && line.dropFirst(key.count).drop { $0 == " " }.hasPrefix(":")
            }.map(\.offset)
            let line = lines.count >= 2 ? firstLine + lines[1] : firstLine + context.mark.line - 1
            let first = lines.first.map { " (first on line \(firstLine + $0))" } ?? ""
            return .error("the key '\(duplicates.joined(separator: "', '"))' appears twice\(first); keep one of them", file: file, line: line, column: 1)
        default:
            return .error("malformed YAML: \(error)", file: file, line: firstLine)
        }
    }
}

/// A front matter or config value handed to templates as-is.
public indirect enum FieldValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([FieldValue])
    case map([String: FieldValue])
    case null

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            // Numbers, booleans and null all start with one of a few ASCII characters; anything
            // else (Chinese text, `logos/caijue.svg`) skips Yams' tries, which match regular expressions.
            if scalar.style == .plain, scalar.string.utf8.first.map(Self.mayStartNonString) ?? true {
                if let value = node.int { self = .int(value); return }
                if scalar.string.contains("."), let value = node.float { self = .double(value); return }
                if let value = node.bool { self = .bool(value); return }
                if node.null != nil { self = .null; return }
            }
            self = .string(scalar.string)
        case .sequence(let sequence):
            self = .list(sequence.map(FieldValue.init))
        case .mapping(let mapping):
            var map: [String: FieldValue] = [:]
            for (key, value) in mapping { map[key.string ?? ""] = FieldValue(value) }
            self = .map(map)
        case .alias:
            self = .null
        }
    }

    /// Whether a plain scalar starting with `byte` could be a number (`12`, `-3`, `+1.5`, `.5`,
    /// `.inf`, `0x1F`), a boolean (`true`, `False`, `yes`, `No`, `on`, `OFF`, `y`) or null (`~`, `null`).
    static func mayStartNonString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"): true
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"): true
        default: false
        }
    }

    /// The value as Mustache sees it: strings, numbers, booleans, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .string(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .bool(let value): return value
        case .list(let values): return values.map(\.templateValue)
        case .map(let values): return values.mapValues(\.templateValue)
        case .null: return ""
        }
    }

    public var text: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return String(value)
        default: return nil
        }
    }
}
