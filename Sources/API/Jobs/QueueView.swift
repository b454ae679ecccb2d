import Queue

/// One queue's depth per state, for `GET /api/v1/queues`.
struct QueueView: Encodable, Sendable {
    var name: String
    var paused: Bool
    var counts: [String: Int]
    var pending: Int

    init(_ stats: QueueStats) {
        name = stats.queue
        paused = stats.paused
        counts = Self.counts(stats)
        pending = stats.pending
    }

    /// The queue's count in every state, zeros included, so a reader's columns never shift.
    static func counts(_ stats: QueueStats) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0.rawValue, stats.counts[$0] ?? 0) })
    }
}
