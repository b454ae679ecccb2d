import Queue

/// `collect.injuries`: one sport's league-wide injury list from ESPN.
public struct CollectInjuries: JobParameters, Equatable {
    public static let jobType = "collect.injuries"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
    }
}
