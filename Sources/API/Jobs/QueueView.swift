import Queue
import Store

/// One queue's depth per state, for `GET /api/v1/queues`.
struct QueueView: Encodable, Sendable {
    /// The fields the list of queues can be sorted by.
    enum Order: String, InMemorySortField {
        case name
        case pending
        case dead

        /// Whether `a` comes before `b` in ascending order; ties fall back to the name.
        func ascends(_ a: QueueView, _ b: QueueView) -> Bool {
            switch self {
            case .name: a.name < b.name
            case .pending: (a.pending, a.name) < (b.pending, b.name)
            case .dead: (a.counts[JobState.dead.rawValue] ?? 0, a.name) < (b.counts[JobState.dead.rawValue] ?? 0, b.name)
            }
        }
    }

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
