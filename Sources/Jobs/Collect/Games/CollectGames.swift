import Queue

/// `collect.games`: one sport's ESPN scoreboards, one Eastern calendar day each.
public struct CollectGames: JobParameters, Equatable {
    public static let jobType = "collect.games"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// Eastern calendar days (`YYYYMMDD`); `nil` or empty: yesterday, today and the next two days.
    public var dates: [String]?
    /// True when loaded by a backfill.
    public var isBackfill: Bool?

    /// Parameters for `dates` (default yesterday, today and the next two days).
    public init(sport: String?, dates: [String]? = nil, isBackfill: Bool = false) {
        self.sport = sport
        self.dates = dates
        self.isBackfill = isBackfill
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        for date in dates ?? [] where date.count != 8 || Int(date) == nil {
            throw QueueError(.invalidRequest, "dates: \"\(date.prefix(20))\" is not YYYYMMDD (ESPN refuses ranges)")
        }
        if (dates?.count ?? 0) > 62 { throw QueueError(.invalidRequest, "dates: at most 62 days per job") }
    }
}
