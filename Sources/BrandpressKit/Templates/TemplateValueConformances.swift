import Mustache

// swift-mustache shows a value it knows nothing about through `String(describing:)` after checking
// whether it is a lambda or an optional, and looks names up in it through a `Mirror`: runtime casts and
// reflection on every `{{variable}}`, the largest cost of rendering a page. Telling it that a string
// shows as itself and has no named parts gives the same output without them.

extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
