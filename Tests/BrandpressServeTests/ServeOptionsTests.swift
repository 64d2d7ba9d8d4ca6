import BrandpressCommandLine
import Testing

/// `brandpress serve` parses its options and hands them to `brandpress-serve` as arguments again:
/// those must parse to the same options, or the preview would serve another folder or port.
@Suite struct ServeOptionsTests {
    @Test(arguments: [
        [],
        ["--port", "0", "--drafts"],
        ["--root", "站点/品牌 手册", "-v", "--port=8123"],
        ["--root=-dashed", "--verbose", "--drafts"],
    ])
    func handedOnArgumentsParseToTheSameOptions(_ given: [String]) throws {
        let options = try ServeOptions.parse(given)
        let again = try ServeOptions.parse(options.arguments)
        #expect(again.port == options.port)
        #expect(again.drafts == options.drafts)
        #expect(again.root == options.root)
        #expect(again.verbose == options.verbose)
        #expect(again.arguments == options.arguments)
    }

    @Test func theDefaultsAreWrittenOut() throws {
        #expect(try ServeOptions.parse([]).arguments == ["--port=8000", "--root=."])
        #expect(try ServeOptions.parse(["--root=-dashed", "-v"]).root == "-dashed")
    }
}
