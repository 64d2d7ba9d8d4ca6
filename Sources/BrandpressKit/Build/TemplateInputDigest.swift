/// A digest of one template render's variables: Mustache output is a function of the template and
/// these, so equal digests mean an equal page. Walks the values the context builders make;
/// anything else gives nil, and the page is rendered.
enum TemplateInputDigest {
    static func of(_ context: [String: Any], template: String, templates: UInt64, injection: String?) -> UInt64? {
        var hash = StableHash()
        hash.add(templates)
        hash.add(template)
        hash.add(injection ?? "")
        return add(context, to: &hash) ? hash.value : nil
    }

    /// Of variables alone, for sharing what is rendered from them; with `names`, of those named there.
    static func of(_ values: [String: Any], only names: Set<String>? = nil) -> UInt64? {
        var hash = StableHash()
        return add(values: values, only: names, to: &hash) ? hash.value : nil
    }

    /// The types the context builders make are told by their exact type first: a failed `as?`
    /// asks the runtime about conformances and bridging, and casting `[[String: Any]]` to `[Any]`
    /// boxes every element anew, which cost more than the hashing when tried on every value.
    /// Other types take the casts, and digest alike.
    static func add(_ value: Any, to hash: inout StableHash) -> Bool {
        let type = type(of: value)
        if type == String.self {
            add(text: value as! String, to: &hash)
        } else if type == [String: Any].self {
            return add(values: value as! [String: Any], to: &hash)
        } else if type == Bool.self {
            add(flag: value as! Bool, to: &hash)
        } else if type == [Any].self {
            return add(items: value as! [Any], to: &hash, each: add)
        } else if type == [[String: Any]].self {
            return add(items: value as! [[String: Any]], to: &hash, each: { add(values: $0, to: &$1) })
        } else if type == [String].self {
            return add(items: value as! [String], to: &hash) { text, hash in add(text: text, to: &hash); return true }
        } else if type == SharedValues.self {
            return add(shared: (value as! SharedValues).digest, kind: 7, to: &hash)
        } else if type == SharedList.self {
            return add(shared: (value as! SharedList).digest, kind: 8, to: &hash)
        } else if type == Int.self {
            add(number: value as! Int, to: &hash)
        } else {
            return addCasting(value, to: &hash)
        }
        return true
    }

    private static func addCasting(_ value: Any, to hash: inout StableHash) -> Bool {
        switch value {
        case let text as String:
            add(text: text, to: &hash)
        case let flag as Bool:
            add(flag: flag, to: &hash)
        case let number as Int:
            add(number: number, to: &hash)
        case let number as Double:
            hash.add(4)
            hash.add(number.bitPattern)
        case let values as [String: Any]:
            return add(values: values, to: &hash)
        case let items as [Any]:
            return add(items: items, to: &hash, each: add)
        case let shared as SharedValues:
            return add(shared: shared.digest, kind: 7, to: &hash)
        case let shared as SharedList:
            return add(shared: shared.digest, kind: 8, to: &hash)
        default:
            return false
        }
        return true
    }

    private static func add(text: String, to hash: inout StableHash) {
        hash.add(1)
        hash.add(text)
    }

    private static func add(number: Int, to hash: inout StableHash) {
        hash.add(3)
        hash.add(number)
    }

    /// A shared value's digest, made once; nil when it holds something the digest does not know.
    private static func add(shared digest: UInt64?, kind: Int, to hash: inout StableHash) -> Bool {
        guard let digest else { return false }
        hash.add(kind)
        hash.add(digest)
        return true
    }

    private static func add(flag: Bool, to hash: inout StableHash) {
        hash.add(2)
        hash.add(flag)
    }

    /// The entries in any order: each is hashed alone and the results are summed.
    private static func add(values: [String: Any], only names: Set<String>? = nil, to hash: inout StableHash) -> Bool {
        var sum: UInt64 = 0
        var count = 0
        for (key, value) in values where names?.contains(key) ?? true {
            var entry = StableHash()
            entry.add(key)
            guard add(value, to: &entry) else { return false }
            sum &+= entry.finalized
            count += 1
        }
        hash.add(5)
        hash.add(count)
        hash.add(sum)
        return true
    }

    private static func add<Item>(items: [Item], to hash: inout StableHash, each: (Item, inout StableHash) -> Bool) -> Bool {
        hash.add(6)
        hash.add(items.count)
        for item in items {
            guard each(item, &hash) else { return false }
        }
        return true
    }
}
