/// What one `collect.weather` run did (the job's result).
public struct WeatherCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Games considered: upcoming ones, or those of the archive range.
    public var games: Int
    /// Games skipped: indoors, at a neutral site, or no venue coordinates known.
    public var skippedGames: Int
    /// Forecasts (or archive series) fetched, one per venue.
    public var forecasts: Int
    /// Weather rows written.
    public var observationsWritten: Int
}
