import Queue

/// `collect.weather`: the forecast at the venue of each upcoming outdoor game of a sport.
public struct CollectWeather: JobParameters, Equatable {
    public static let jobType = "collect.weather"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// How far ahead to look for games, hours (default 48, at most 384: Open-Meteo forecasts 16 days).
    public var hoursAhead: Int?

    /// Parameters for games in the next `hoursAhead` hours.
    public init(sport: String?, hoursAhead: Int = 48) {
        self.sport = sport
        self.hoursAhead = hoursAhead
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        if let hoursAhead, !(1...384).contains(hoursAhead) { throw QueueError(.invalidRequest, "hoursAhead must be 1…384") }
    }
}
