import Synchronization

/// What `DecodedOnDemand` can hold as bytes: written and read by `ByteWriter` and `ByteReader`,
/// and passed over (`skip`) without being made.
protocol DecodableOnDemand: Sendable {
    init()
    func write(to writer: inout ByteWriter)
    static func read(_ reader: inout ByteReader) -> Self?
    /// Reads past what `read` reads without making any of it: false where `read` would fail.
    static func skip(_ reader: inout ByteReader) -> Bool
}

/// A value that comes from a cache file as bytes, and is decoded when first asked for: parts of
/// 10,000 pages that a rebuild asks for only of the few pages it writes (a page's tags and other
/// fields, its rendering's headings and links), whose decoding was a good part of reading the
/// caches. The bytes are checked when read (`skip`), so decoding them later cannot fail; written
/// back untouched, they are the same bytes. Copies share one holder.
struct DecodedOnDemand<Value: DecodableOnDemand>: Sendable {
    /// Nil: `Value()`.
    private var holder: Holder?

    init() {}

    init(_ value: Value) {
        holder = Holder(.decoded(value))
    }

    var value: Value { holder?.value ?? Value() }

    mutating func change(_ body: (inout Value) -> Void) {
        var value = self.value
        body(&value)
        holder = Holder(.decoded(value))
    }

    /// The value's bytes under their count, as they came when they were never decoded.
    func write(to writer: inout ByteWriter) {
        guard let holder else { return Self.write(Value(), to: &writer) }
        holder.write(to: &writer)
    }

    /// What `write` wrote, checked by `Value.skip` and kept as bytes; nil when they do not read.
    static func read(_ reader: inout ByteReader) -> Self? {
        guard let bytes = reader.byteArray() else { return nil }
        var check = ByteReader(bytes)
        guard Value.skip(&check), check.isAtEnd else { return nil }
        var read = Self()
        read.holder = Holder(.encoded(bytes))
        return read
    }

    private static func write(_ value: Value, to writer: inout ByteWriter) {
        var inner = ByteWriter()
        value.write(to: &inner)
        writer.write(bytes: inner.bytes)
    }

    private enum State: Sendable {
        case encoded([UInt8])
        case decoded(Value)
    }

    private final class Holder: Sendable {
        private let state: Mutex<State>

        init(_ state: State) {
            self.state = Mutex(state)
        }

        var value: Value {
            state.withLock { state in
                switch state {
                case .decoded(let value):
                    return value
                case .encoded(let bytes):
                    var reader = ByteReader(bytes)
                    // `read` takes only bytes that `skip` read through.
                    let value = Value.read(&reader) ?? Value()
                    state = .decoded(value)
                    return value
                }
            }
        }

        func write(to writer: inout ByteWriter) {
            state.withLock { state in
                switch state {
                case .encoded(let bytes): writer.write(bytes: bytes)
                case .decoded(let value): DecodedOnDemand.write(value, to: &writer)
                }
            }
        }
    }
}
