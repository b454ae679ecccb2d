/// A sorted set as Redis keeps one: members ordered by score, ties by member.
struct ScoredSet: Sendable {
    private var scores: [String: Double] = [:]

    var count: Int { scores.count }

    mutating func update(_ member: String, score: Double) { scores[member] = score }
    mutating func remove(_ member: String) { scores[member] = nil }

    /// Members by ascending score (`ZRANGE`), or descending (`ZREVRANGE`).
    func ordered(descending: Bool) -> [String] {
        let ascending = scores.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        return descending ? ascending.reversed() : ascending
    }

    /// Up to `limit` members scored at most `maximum`, lowest first (`ZRANGEBYSCORE -inf max LIMIT 0 limit`).
    func ids(through maximum: Double, limit: Int) -> [String] {
        Array(scores.filter { $0.value <= maximum }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key))
    }

    /// The lowest score, if any.
    var first: Double? { scores.values.min() }

    /// Removes and returns up to `count` members with the lowest scores (`ZPOPMIN`).
    mutating func popFirst(_ count: Int) -> [String] {
        let popped = Array(ordered(descending: false).prefix(count))
        for member in popped { scores[member] = nil }
        return popped
    }
}

/// A queue's sorted set per state.
struct StateSets: Sendable {
    private var sets: [JobState: ScoredSet] = [:]

    subscript(state: JobState) -> ScoredSet {
        get { sets[state] ?? ScoredSet() }
        set { sets[state] = newValue }
    }
}
