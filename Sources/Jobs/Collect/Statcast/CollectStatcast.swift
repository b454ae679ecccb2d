import Foundation
import Queue

/// `collect.statcast`: Statcast pitches of finished MLB games for a date range (default: yesterday, Eastern).
public struct CollectStatcast: JobParameters, Equatable {
    public static let jobType = "collect.statcast"
    public static let defaultQueue = "collect"

    /// The first day, `YYYY-MM-DD`; with `to`. Both `nil`: yesterday.
    public var from: String?
    /// The last day, inclusive.
    public var to: String?
    /// True when loaded by a backfill.
    public var isBackfill: Bool?

    /// Parameters for `from`…`to` (default yesterday).
    public init(from: String? = nil, to: String? = nil, isBackfill: Bool = false) {
        self.from = from
        self.to = to
        self.isBackfill = isBackfill
    }

    public func validate() throws {
        guard (from == nil) == (to == nil) else { throw QueueError(.invalidRequest, "give both from and to, or neither") }
        if let from, let to {
            guard let first = UpstreamTime.local(from + "T00:00", utcOffsetSeconds: 0),
                let last = UpstreamTime.local(to + "T00:00", utcOffsetSeconds: 0),
                first <= last, last.timeIntervalSince(first) <= 62 * 86_400
            else { throw QueueError(.invalidRequest, "from…to must be YYYY-MM-DD, forward, at most 62 days") }
        }
    }
}
