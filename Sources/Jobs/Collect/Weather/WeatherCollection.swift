/// What one `collect.weather` run did (the job's result).
public struct WeatherCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Upcoming games considered.
    public var games: Int
    /// Games skipped: indoors, or no venue coordinates known.
    public var skippedGames: Int
    /// Forecasts fetched (one per venue).
    public var forecasts: Int
    /// Weather rows written.
    public var observationsWritten: Int
}
