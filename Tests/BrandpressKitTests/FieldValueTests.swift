import Foundation
import Testing
@testable import BrandpressKit

/// Front-matter fields get the types YAML gives plain scalars (numbers, booleans, null), and
/// everything else stays text, including what only looks close.
@Suite struct FieldValueTests {
    @Test func plainScalarsGetYAMLTypesAndTheRestStaysText() throws {
        let yaml = """
        title: 类型
        a: 12
        b: -3
        c: +7
        d: 0x1F
        e: 1.5
        f: .5
        g: true
        h: False
        i: yes
        j: OFF
        k: ~
        l: null
        m: logos/caijue.svg
        n: 2024-05-01
        o: v1.0
        p: no-such
        q: 综采一区
        r: "12"
        s: Yes please
        t: on
        u: .inf
        v: !!str true
        w: [1, yes, 综采, '2']
        x: {depth: 3, open: no}
        """
        let fields = try FrontMatter.decode(yaml, file: "Content/a.md", firstLine: 2).fields
        let expected: [String: FieldValue] = [
            "a": .int(12), "b": .int(-3), "c": .int(7), "d": .int(31), "e": .double(1.5), "f": .double(0.5),
            "g": .bool(true), "h": .bool(false), "i": .bool(true), "j": .bool(false), "k": .null, "l": .null,
            "m": .string("logos/caijue.svg"), "n": .string("2024-05-01"), "o": .string("v1.0"), "p": .string("no-such"),
            "q": .string("综采一区"), "r": .string("12"), "s": .string("Yes please"), "t": .bool(true), "u": .double(.infinity),
            "v": .string("true"), "w": .list([.int(1), .bool(true), .string("综采"), .string("2")]),
            "x": .map(["depth": .int(3), "open": .bool(false)]),
        ]
        for (key, value) in expected {
            #expect(fields[key] == value, "\(key)")
        }
    }
}
