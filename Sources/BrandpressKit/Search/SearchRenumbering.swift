/// How the documents' numbers moved since the previous index, when documents were added or
/// removed and the others stayed in the same order (a new story is one more document near the
/// end). A full build numbers the documents by their place, so the previous index's lists can be
/// patched only by numbering their documents again, which keeps the lists sorted only when
/// the documents kept their order.
struct SearchRenumbering {
    /// Per previous document, its number now; nil when it is gone.
    let current: [Int?]
    /// Per document now, its previous number; nil when it is new.
    let previous: [Int?]
    /// The first previous number that is not the number of the same document now (it moved or went);
    /// the previous count when there is none. Lists with no document from there on keep their numbers.
    let firstMoved: Int

    /// Nothing moved, nothing was added or removed.
    var isIdentity: Bool { firstMoved == current.count && previous.count == current.count }

    /// From each document's address digest, before and now; nil when documents that are in both
    /// changed their order (or two addresses have the same digest): then the index is made anew.
    init?(previous before: [UInt64], current now: [UInt64]) {
        var currentOf = [Int?](repeating: nil, count: before.count)
        var previousOf = [Int?](repeating: nil, count: now.count)
        if before == now {
            // Made as optionals: an [Int] converted to [Int?] is cast element by element at run time.
            currentOf = before.indices.map(Optional.some)
            previousOf = currentOf
        } else {
            var numbers = [UInt64: Int](minimumCapacity: now.count)
            for (number, digest) in now.enumerated() where numbers.updateValue(number, forKey: digest) != nil { return nil }
            var last = -1
            for (number, digest) in before.enumerated() {
                guard let now = numbers[digest] else { continue }
                guard now > last else { return nil }
                last = now
                currentOf[number] = now
                previousOf[now] = number
            }
        }
        current = currentOf
        previous = previousOf
        firstMoved = currentOf.indices.first { currentOf[$0] != $0 } ?? before.count
    }
}
