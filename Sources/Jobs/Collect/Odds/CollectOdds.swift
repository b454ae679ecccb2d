import Foundation
import Queue

/// `collect.odds`: one sport's odds from The Odds API (live, or a historical snapshot for a backfill).
public struct CollectOdds: JobParameters, Equatable {
    public static let jobType = "collect.odds"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// For a backfill: the historical snapshot at or before this instant (ISO 8601); `nil` for live odds.
    public var snapshotAt: String?
    /// True when loaded by a backfill (stored with `is_backfill`).
    public var isBackfill: Bool?
    /// Also fetch `/scores` (live runs only; the score-consistency check compares them with ESPN). Default true.
    public var includeScores: Bool?

    /// Parameters for live odds, or for the snapshot at `snapshotAt` when backfilling.
    public init(sport: String?, snapshotAt: Date? = nil, isBackfill: Bool = false, includeScores: Bool = true) {
        self.sport = sport
        self.snapshotAt = snapshotAt.map(UpstreamTime.isoSeconds)
        self.isBackfill = isBackfill
        self.includeScores = includeScores
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(
                .invalidRequest,
                "unknown sport \"\(sport?.prefix(40) ?? "")\"; known: \(CollectedSport.all.map(\.code).joined(separator: ", "))")
        }
        if let snapshotAt, snapshotDate == nil {
            throw QueueError(.invalidRequest, "snapshotAt \"\(snapshotAt.prefix(40))\" is not an ISO 8601 UTC instant")
        }
    }

    /// `snapshotAt` as a date.
    var snapshotDate: Date? { snapshotAt.flatMap(UpstreamTime.instant) }
}
