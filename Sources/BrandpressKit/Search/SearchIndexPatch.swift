/// The inverted index after some documents changed, made from the previous one rather than from
/// every document: the changed and removed documents are taken out of the lists that held them,
/// the changed and added ones put into the lists of their tokens, and the others numbered again
/// where documents were added or removed before them. Gives the same lists a full build gives (the
/// rebuild test checks).
struct SearchIndexPatch {
    var tokens: [String]
    var postings: [PostingList]
    /// Positions in `tokens` whose list changed (new tokens included): a changed document whose
    /// token and field are the same as before leaves that list as it was.
    var touched: [Int]

    /// `changed` are the documents that are new or whose text changed, with their numbers now;
    /// `numbering` gives each number's previous number. The previous documents that changed or are
    /// gone are taken out of the lists, the others numbered again. `indexed`, when given, are the
    /// changed documents that have a previous number (in the order of `changed`) as the previous
    /// lists hold them: then the lists holding them are those of their tokens, else every list is
    /// read up to the last of them.
    init(tokens previousTokens: [String], postings previousPostings: [PostingList], numbering: SearchRenumbering,
         changed: [(number: Int, document: SearchDocument)], indexed: [SearchDocument]? = nil) {
        let previousCount = numbering.current.count
        var isTakenOut = [Bool](repeating: false, count: previousCount)
        for (number, _) in changed {
            if let previous = numbering.previous[number] { isTakenOut[previous] = true }
        }
        for previous in numbering.current.indices where numbering.current[previous] == nil { isTakenOut[previous] = true }
        let flags = isTakenOut
        let renumbered = numbering.current.enumerated().map { $1 ?? $0 }
        let firstMoved = numbering.firstMoved
        let firstTakenOut = flags.firstIndex(of: true) ?? previousCount
        let lastTakenOutBeforeMove = flags[..<firstMoved].lastIndex(of: true) ?? -1
        // Every document from the first moved one on is numbered again, up to the last. When none
        // moved, the numbers are the same below the previous count, and the range reaches the last
        // document put in: a list's bytes past the range are copied, so nothing may be added there.
        let lowest = min(firstTakenOut, firstMoved)
        let lastPutIn = changed.map(\.number).max() ?? -1
        let affected = lowest...max(firstMoved < previousCount ? previousCount - 1 : max(lastTakenOutBeforeMove, lastPutIn), lowest)

        let tables = ParallelMap.map(count: changed.count) { SearchIndex.tokenCodes(of: changed[$0].document) }
        var additions: [String: [(document: Int, mask: UInt8)]] = [:]
        for (table, document) in zip(tables, changed.map(\.number)) {
            for (code, mask) in table.han { additions[SearchTokenCodes.string(of: code), default: []].append((document, mask)) }
            for (word, mask) in table.words { additions[word, default: []].append((document, mask)) }
        }

        var tokens = previousTokens
        var postings = previousPostings
        var positions = [String: Int](minimumCapacity: tokens.count)
        for (position, token) in tokens.enumerated() { positions[token] = position }
        var touched: Set<Int>
        if let indexed {
            touched = Set(previousPostings.indices.filter { previousPostings[$0].last >= firstMoved })
            for table in ParallelMap.map(count: indexed.count, { SearchIndex.tokenCodes(of: indexed[$0]) }) {
                for (code, _) in table.han { positions[SearchTokenCodes.string(of: code)].map { _ = touched.insert($0) } }
                for (word, _) in table.words { positions[word].map { _ = touched.insert($0) } }
            }
        } else {
            let holdsChanged = ParallelMap.map(count: previousPostings.count) { position -> Bool in
                let list = previousPostings[position]
                return list.last >= firstMoved || list.contains(documentUpTo: lastTakenOutBeforeMove) { $0 < flags.count && flags[$0] }
            }
            touched = Set(holdsChanged.indices.filter { holdsChanged[$0] })
        }
        for token in additions.keys {
            if let position = positions[token] {
                touched.insert(position)
            } else {
                tokens.append(token)
                postings.append(PostingList())
                touched.insert(tokens.count - 1)
            }
        }

        let order = touched.sorted()
        let before = postings
        let finalTokens = tokens
        let added = additions
        let lists = ParallelMap.map(count: order.count) { item -> PostingList in
            let position = order[item]
            let additions = (added[finalTokens[position]] ?? []).sorted { $0.document < $1.document }
            return before[position].replacing(documentsIn: affected, where: { $0 < flags.count && flags[$0] },
                                              renumber: { $0 < renumbered.count ? renumbered[$0] : $0 }, with: additions)
        }
        var changedLists: [Int] = []
        for (position, list) in zip(order, lists) where list != before[position] {
            postings[position] = list
            changedLists.append(position)
        }
        self.tokens = tokens
        self.postings = postings
        self.touched = changedLists
    }
}
