/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for the
/// build cache: eight bytes a step, so hashing the text of a whole site costs little.
struct StableHash {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 29
    }

    /// The value with every bit of it spread over all bits (MurmurHash3's finalizer), so that values
    /// can be summed without their low bits adding up alike.
    var finalized: UInt64 {
        var word = value
        word ^= word >> 33
        word &*= 0xFF51_AFD7_ED55_8CCD
        word ^= word >> 33
        word &*= 0xC4CE_B9FE_1A85_EC53
        word ^= word >> 33
        return word
    }

    mutating func add(_ number: UInt64) {
        mix(number)
    }

    mutating func add(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    mutating func add(_ flag: Bool) {
        mix(flag ? 0xB001 : 0xB000)
    }

    /// The length goes in first, so that "ab" + "c" and "a" + "bc" differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        while bytes.count - offset >= 8 {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        mix(tail)
    }

    static func of(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.add(bytes: bytes)
        return hash.value
    }

    static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.add(text)
        return hash.value
    }
}
