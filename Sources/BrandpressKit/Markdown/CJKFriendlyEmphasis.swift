import Ccmark

/// Placeholder until the markdown-cjk-friendly pass lands (issue 8): leaves the tree unchanged.
enum CJKFriendlyEmphasis {
    static func apply(to document: OpaquePointer) {}
}
