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
        counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0.rawValue, stats.counts[$0] ?? 0) })
        pending = stats.pending
    }
}
