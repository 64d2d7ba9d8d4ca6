/// A hash table from token codes to small values: open addressing with one multiplication as the
/// hash. The search build looks up some ten million Han token codes for 10,000 pages; `Dictionary`
/// hashes each 64-bit key with SipHash, which made those lookups most of the tokenizing time.
/// Code 0 marks an empty slot: no token has it (`SearchTokenCodes` codes are never 0).
struct CodeTable<Value: Sendable>: Sequence, Sendable {
    private var codes: [UInt64]
    private var values: [Value]
    private let filler: Value
    private(set) var count = 0
    /// log2 of the slot count.
    private var bits: Int

    /// `filler` is what a new entry holds until it is set.
    init(filler: Value, capacity: Int = 64) {
        bits = 4
        while (1 << bits) * 7 < capacity * 10 { bits += 1 }
        codes = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: filler, count: 1 << bits)
        self.filler = filler
    }

    /// The slot of `code`, added holding the filler when it was not there; `isNew` says which.
    mutating func slot(for code: UInt64) -> (slot: Int, isNew: Bool) {
        precondition(code != 0, "token code 0 is reserved for empty slots")
        if (count + 1) * 10 > codes.count * 7 { grow() }  // at most 70 % full
        var slot = Self.start(of: code, bits: bits)
        let mask = codes.count - 1
        while true {
            let found = codes[slot]
            if found == code { return (slot, false) }
            if found == 0 {
                codes[slot] = code
                count += 1
                return (slot, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value in a slot that `slot(for:)` gave.
    subscript(slot: Int) -> Value {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// The value of `code`, or nil when it is not in the table.
    func value(of code: UInt64) -> Value? {
        guard code != 0 else { return nil }
        var slot = Self.start(of: code, bits: bits)
        let mask = codes.count - 1
        while codes[slot] != 0 {
            if codes[slot] == code { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The codes in the table.
    var keys: [UInt64] { codes.filter { $0 != 0 } }

    func makeIterator() -> Iterator {
        Iterator(codes: codes, values: values)
    }

    /// The entries in slot order.
    struct Iterator: IteratorProtocol {
        let codes: [UInt64]
        let values: [Value]
        var slot = 0

        mutating func next() -> (UInt64, Value)? {
            while slot < codes.count {
                defer { slot += 1 }
                if codes[slot] != 0 { return (codes[slot], values[slot]) }
            }
            return nil
        }
    }

    private static func start(of code: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func grow() {
        let oldCodes = codes
        let oldValues = values
        bits += 1
        codes = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: filler, count: 1 << bits)
        count = 0
        for (code, value) in zip(oldCodes, oldValues) where code != 0 {
            self[slot(for: code).slot] = value
        }
    }
}
