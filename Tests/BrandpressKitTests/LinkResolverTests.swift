import Testing
@testable import BrandpressKit

/// How a destination written in `Content/` is read: left alone, or split into a content path and a fragment.
@Suite struct LinkResolverTests {
    @Test(arguments: [
        ("https://example.org/a", true), ("mailto:dangwei@example.cn", true), ("#安全", true), ("//intranet/a.png", true),
        ("", true), ("tel:+86-10-1234", true), ("svn+ssh://host/x", true), ("a1.b-c+d:rest", true),
        ("images/cover07.svg", false), ("../品牌/标识.svg", false), ("1http://x", false), ("综采:一区.md", false),
        ("c:\\images\\a.png", true), ("a b:c", false), ("é:x", false), (":x", false), ("/top.md", false), ("Z@:x", false),
    ])
    func externalDestinations(destination: String, external: Bool) {
        #expect(LinkResolver.isExternal(destination) == external)
    }

    @Test(arguments: [
        ("images/cover07.svg", "stories", "stories/images/cover07.svg", nil),
        ("../品牌/标识.svg#图", "stories/2024", "stories/品牌/标识.svg", "图"),
        ("/handbook/01-basics.md#%E4%BC%9A%E8%AE%AE", "stories", "handbook/01-basics.md", "会议"),
        ("a%20b.md?x=1#", "", "a b.md", nil),
        ("..\\images\\a.png", "stories/x", "stories/images/a.png", nil),
        ("综采一区.md#第一节?不是查询", "units", "units/综采一区.md", "第一节?不是查询"),
    ] as [(String, String, String, String?)])
    func targets(destination: String, directory: String, path: String, fragment: String?) throws {
        let resolver = LinkResolver(model: SiteModel(config: SiteConfig(), pages: [], sections: [:], assets: [], pageIndexByPath: [:],
                                                     assetPaths: [], omittedDrafts: [], configDigest: 0, assetIdentities: [:]))
        let target = try #require(resolver.target(of: destination, fromDirectory: directory))
        #expect(target.path == path)
        #expect(target.fragment == fragment)
    }

    @Test func destinationsAboveContentHaveNoTarget() {
        let resolver = LinkResolver(model: SiteModel(config: SiteConfig(), pages: [], sections: [:], assets: [], pageIndexByPath: [:],
                                                     assetPaths: [], omittedDrafts: [], configDigest: 0, assetIdentities: [:]))
        #expect(resolver.target(of: "../../a.md", fromDirectory: "stories") == nil)
    }
}
