import Foundation
import Queue

/// `collect.summaries`: ESPN game summaries (attendance, duration, officials, pre-game lines).
public struct CollectSummaries: JobParameters, Equatable {
    public static let jobType = "collect.summaries"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`mlb`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// The platform's game ids (of `sport`, which is then required); `nil` or empty: the sport's games that
    /// went final in the last 24 hours (or in `from`…`to`) and have no summary yet.
    public var gameIDs: [Int]?
    /// A backfill's first and last day, `YYYY-MM-DD` (UTC days of the games' starts, `to` inclusive, with the night
    /// after it): the final games of those days without a summary, instead of the last 24 hours'.
    public var from: String?
    public var to: String?

    /// Parameters for `gameIDs` (default: recent final games without a summary), or for the days `from`…`to`.
    public init(sport: String?, gameIDs: [Int]? = nil, from: String? = nil, to: String? = nil) {
        self.sport = sport
        self.gameIDs = gameIDs
        self.from = from
        self.to = to
    }

    /// The starts `from`…`to` cover, if given: from the first day's midnight UTC to noon UTC after the last day, so a
    /// game of the last Eastern evening (after midnight UTC) is in.
    var days: Range<Date>? {
        guard let from, let to, let first = UpstreamTime.local(from + "T00:00", utcOffsetSeconds: 0),
            let last = UpstreamTime.local(to + "T00:00", utcOffsetSeconds: 0), first <= last
        else { return nil }
        return first..<last.addingTimeInterval(36 * 3_600)
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        if !(gameIDs ?? []).isEmpty && sport == nil { throw QueueError(.invalidRequest, "gameIDs: name the games' sport") }
        if (gameIDs?.count ?? 0) > 200 { throw QueueError(.invalidRequest, "gameIDs: at most 200 games per job") }
        if from != nil || to != nil {
            guard let days, days.upperBound.timeIntervalSince(days.lowerBound) <= 32 * 86_400 else {
                throw QueueError(.invalidRequest, "from and to: YYYY-MM-DD days, in order, at most 31 days apart")
            }
            if !(gameIDs ?? []).isEmpty { throw QueueError(.invalidRequest, "name games or days, not both") }
        }
    }
}
