import Queue

/// `predict`: for the upcoming games of a sport whose data passed the quality gates, each champion's forecast
/// per game and market and at most one pick (side, best price, edge, tier, stake), hashed with SHA-256, at the
/// publications `PublicationPolicy` makes due (market open, game day).
public struct Predict: JobParameters, Equatable {
    public static let jobType = "predict"
    public static let defaultQueue = "predict"

    /// The sport; `nil`: every configured sport.
    public var sport: String?
    /// How far ahead to predict, in hours (default `defaultHorizonHours`): far enough to publish a game when its
    /// market opens; each game is published once per champion and publication.
    public var horizonHours: Double?
    /// Only these games (the seed's `generate_predictions(game_ids)`, e.g. after a game's data was repaired); each is
    /// still predicted only if it starts within the horizon and a publication of it is due. `nil`: every game.
    public var gameIDs: [Int]?

    /// The default horizon: 48 hours.
    public static let defaultHorizonHours = 48.0
    /// The most games one job may name.
    public static let maximumGameIDs = 1_000

    /// Parameters; `nil` fields take their defaults.
    public init(sport: String? = nil, horizonHours: Double? = nil, gameIDs: [Int]? = nil) {
        self.sport = sport
        self.horizonHours = horizonHours
        self.gameIDs = gameIDs
    }

    public func validate() throws {
        try ModelMarkets.validate(sport: sport)
        if let horizonHours, !(horizonHours > 0 && horizonHours <= 168) {
            throw QueueError(.invalidRequest, "horizonHours: must be more than 0 and at most 168")
        }
        if let gameIDs, !(1...Self.maximumGameIDs).contains(gameIDs.count) || gameIDs.contains(where: { $0 <= 0 }) {
            throw QueueError(.invalidRequest, "gameIDs: 1 to \(Self.maximumGameIDs) positive game ids")
        }
    }
}
