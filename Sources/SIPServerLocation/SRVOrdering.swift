/// The order in which SRV targets are tried: RFC 2782's "Usage rules".
public enum SRVOrdering {
    /// One SRV record in its place in the try order, with how it got there.
    public struct Pick: Sendable, Hashable {
        public var record: SRVRecord
        public var selection: SRVSelection
    }

    /// Orders `records` by ascending priority; within a priority, repeatedly draws one record
    /// with probability proportional to its weight (RFC 2782). Records of weight 0 go first
    /// in the running-sum list so they keep a small chance of being drawn, as RFC 2782 asks.
    /// The random generator is injected so tests of the distribution are deterministic.
    public static func order(
        _ records: [SRVRecord], using random: inout some RandomNumberGenerator
    ) -> [Pick] {
        let priorities = Set(records.map(\.priority)).sorted()
        var picks: [Pick] = []
        for (rank, priority) in priorities.enumerated() {
            let group = records.filter { $0.priority == priority }
            var remaining = group.filter { $0.weight == 0 } + group.filter { $0.weight > 0 }
            while !remaining.isEmpty {
                guard group.count > 1 else {
                    picks.append(Pick(record: remaining.removeFirst(), selection: .sole(priorityRank: rank)))
                    continue
                }
                let total = remaining.reduce(0) { $0 + Int($1.weight) }
                let index = weightedIndex(remaining, total: total, using: &random)
                let record = remaining.remove(at: index)
                picks.append(Pick(record: record, selection: .weighted(
                    priorityRank: rank, weight: record.weight, ofTotal: total)))
            }
        }
        return picks
    }

    /// RFC 2782: a uniform number in 0...total, then the first record whose running sum of
    /// weights is at least that number.
    private static func weightedIndex(
        _ records: [SRVRecord], total: Int, using random: inout some RandomNumberGenerator
    ) -> Int {
        let draw = Int.random(in: 0...total, using: &random)
        var runningSum = 0
        for (index, record) in records.enumerated() {
            runningSum += Int(record.weight)
            if runningSum >= draw { return index }
        }
        return records.count - 1
    }
}

/// How an SRV record got its place in the try order.
public enum SRVSelection: Sendable, Hashable {
    /// The only record at its priority; rank 0 is the lowest priority value (the primary).
    case sole(priorityRank: Int)
    /// Drawn by weight among `ofTotal` remaining weight at its priority.
    case weighted(priorityRank: Int, weight: UInt16, ofTotal: Int)

    /// 0 for the records of the lowest priority value, 1 for the next, …
    public var priorityRank: Int {
        switch self {
        case .sole(let rank), .weighted(let rank, _, _): rank
        }
    }
}
