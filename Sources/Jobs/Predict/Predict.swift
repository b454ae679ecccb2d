import Queue

/// `predict`: for the upcoming games of a sport whose data passed the quality gates, every champion's
/// probability per side, edge against the best price, tier, stake and SHA-256 hash.
public struct Predict: JobParameters, Equatable {
    public static let jobType = "predict"
    public static let defaultQueue = "predict"

    /// The sport; `nil`: every configured sport.
    public var sport: String?
    /// How far ahead to predict, in hours (default 6): lines firm up as the start nears, and each game is
    /// predicted once per champion.
    public var horizonHours: Double?

    /// Parameters; `nil` fields take their defaults.
    public init(sport: String? = nil, horizonHours: Double? = nil) {
        self.sport = sport
        self.horizonHours = horizonHours
    }

    public func validate() throws {
        try ModelMarkets.validate(sport: sport)
        if let horizonHours, !(horizonHours > 0 && horizonHours <= 168) {
            throw QueueError(.invalidRequest, "horizonHours: must be more than 0 and at most 168")
        }
    }
}
