// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "brandpress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "brandpress", targets: ["brandpress"]),
        .executable(name: "brandpress-serve", targets: ["brandpress-serve"]),
        .library(name: "BrandpressKit", targets: ["BrandpressKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "BrandpressKit",
            dependencies: [
                "Ccmark",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .target(
            name: "BrandpressServe",
            dependencies: [
                "BrandpressKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "BrandpressCommandLine",
            dependencies: [
                "BrandpressKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Without the preview server, whose FlyingFox brings Foundation's networking, libcurl and
        // some thirty shared libraries more to load at every start: `serve` starts `brandpress-serve`.
        .executableTarget(
            name: "brandpress",
            dependencies: [
                "BrandpressKit",
                "BrandpressCommandLine",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The toolchain's lld instead of gold: `make build` links Swift's runtime and Foundation in
            // (`--static-swift-stdlib`), and gold warns there about a `mktemp` inside Foundation.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "brandpress-serve",
            dependencies: [
                "BrandpressKit",
                "BrandpressCommandLine",
                "BrandpressServe",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "BrandpressKitTests",
            dependencies: ["BrandpressKit"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BrandpressServeTests",
            dependencies: ["BrandpressServe", "BrandpressKit", "BrandpressCommandLine", "CAllocator"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
