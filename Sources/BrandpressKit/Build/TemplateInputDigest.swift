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

    static func add(_ value: Any, to hash: inout StableHash) -> Bool {
        switch value {
        case let text as String:
            hash.add(1)
            hash.add(text)
        case let flag as Bool:
            hash.add(2)
            hash.add(flag)
        case let number as Int:
            hash.add(3)
            hash.add(number)
        case let number as Double:
            hash.add(4)
            hash.add(number.bitPattern)
        case let values as [String: Any]:
            // The entries in any order: each is hashed alone and the results are summed.
            var sum: UInt64 = 0
            for (key, value) in values {
                var entry = StableHash()
                entry.add(key)
                guard add(value, to: &entry) else { return false }
                sum &+= entry.finalized
            }
            hash.add(5)
            hash.add(values.count)
            hash.add(sum)
        case let values as [Any]:
            hash.add(6)
            hash.add(values.count)
            for element in values {
                guard add(element, to: &hash) else { return false }
            }
        case let shared as SharedValues:
            guard let digest = shared.digest else { return false }
            hash.add(7)
            hash.add(digest)
        case let shared as SharedList:
            guard let digest = shared.digest else { return false }
            hash.add(8)
            hash.add(digest)
        default:
            return false
        }
        return true
    }
}
