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

/// A render's variables as swift-mustache's outermost object, looked up like the dictionary. Nearly
/// every lookup reaches the outermost object, and casting a `[String: Any]` to `MustacheParent`
/// (a conformance that holds only when the keys are strings) costs the runtime more than casting this.
struct TemplateRoot: MustacheParent, MustacheTransformable {
    let values: [String: Any]

    func child(named name: String) -> Any? {
        values[name]
    }

    func transform(_ name: String) -> Any? {
        values.transform(name)
    }
}
