import Synchronization

/// A page's tags, other fields and key lines (`FrontMatter`'s), which a rebuild hardly ever asks for:
/// only the pages it writes show them. From the page-source cache they come as bytes, decoded when
/// first asked for (decoding them all was a tenth of a one-page rebuild at 10,000 pages, on the
/// thread everything else waited for). Copies share one holder.
struct FrontMatterDetails: Sendable {
    struct Values: Sendable {
        var tags: [String] = []
        var fields: [String: FieldValue] = [:]
        var lines: [(key: String, line: Int)] = []
    }

    private var holder: Holder

    private static let none = Holder(.decoded(Values()))

    init() {
        holder = Self.none
    }

    init(_ values: Values) {
        holder = Holder(.decoded(values))
    }

    /// Bytes that `Values.write` wrote and `Values.skip` read through without fault.
    init(encoded bytes: [UInt8]) {
        holder = Holder(.encoded(bytes))
    }

    var values: Values { holder.values }

    mutating func change(_ body: (inout Values) -> Void) {
        var values = holder.values
        body(&values)
        holder = Holder(.decoded(values))
    }

    /// What `Values.write` writes, from the bytes themselves when they were never decoded.
    func write(to writer: inout ByteWriter) {
        holder.write(to: &writer)
    }

    private enum State: Sendable {
        case encoded([UInt8])
        case decoded(Values)
    }

    private final class Holder: Sendable {
        private let state: Mutex<State>

        init(_ state: State) {
            self.state = Mutex(state)
        }

        var values: Values {
            state.withLock { state in
                switch state {
                case .decoded(let values):
                    return values
                case .encoded(let bytes):
                    var reader = ByteReader(bytes)
                    // `init(encoded:)` takes only bytes that were read through without fault.
                    let values = Values.read(&reader) ?? Values()
                    state = .decoded(values)
                    return values
                }
            }
        }

        func write(to writer: inout ByteWriter) {
            state.withLock { state in
                switch state {
                case .encoded(let bytes):
                    writer.write(bytes: bytes)
                case .decoded(let values):
                    var inner = ByteWriter()
                    values.write(to: &inner)
                    writer.write(bytes: inner.bytes)
                }
            }
        }
    }
}
