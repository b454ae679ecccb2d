import Queue

/// `collect.summaries`: ESPN game summaries (attendance, duration, officials, pre-game lines).
public struct CollectSummaries: JobParameters, Equatable {
    public static let jobType = "collect.summaries"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`mlb`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// The platform's game ids (of `sport`, which is then required); `nil` or empty: the sport's games that
    /// went final in the last 24 hours and have no summary yet.
    public var gameIDs: [Int]?

    /// Parameters for `gameIDs` (default: recent final games without a summary).
    public init(sport: String?, gameIDs: [Int]? = nil) {
        self.sport = sport
        self.gameIDs = gameIDs
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        if !(gameIDs ?? []).isEmpty && sport == nil { throw QueueError(.invalidRequest, "gameIDs: name the games' sport") }
        if (gameIDs?.count ?? 0) > 200 { throw QueueError(.invalidRequest, "gameIDs: at most 200 games per job") }
    }
}
