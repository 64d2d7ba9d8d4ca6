/// Which shard file holds a token: FNV-1a over the token's UTF-16 code units (what JavaScript
/// strings are made of, so `search.js` computes the same number), modulo the shard count.
public enum SearchShards {
    public static func hash(_ token: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for unit in token.utf16 {
            hash ^= UInt32(unit)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// A power of two, aiming at about `targetBytes` of postings per shard.
    public static func count(forEstimatedBytes bytes: Int, targetBytes: Int = 48_000) -> Int {
        var count = 4
        while count < 4096 && count * targetBytes < bytes { count *= 2 }
        return count
    }

    public static func name(of shard: Int, count: Int) -> String {
        let digits = count > 256 ? 3 : 2
        let hex = String(shard, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    public static func shard(of token: String, count: Int) -> Int {
        Int(hash(token) % UInt32(count))
    }
}
