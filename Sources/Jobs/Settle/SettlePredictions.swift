import Queue

/// `settle`: grade the pending predictions of finished games, void those of cancelled or postponed
/// games, and rebuild the daily reports of the days touched.
///
/// The scheduler submits `{}` every 15 minutes; a payload may narrow the run to one sport or one game.
public struct SettlePredictions: JobParameters, Equatable {
    public static let jobType = "settle"
    public static let defaultQueue = "predict"

    /// The platform's sport code (`nba`); `nil`: every sport with something to settle.
    public var sport: String?
    /// One game's id; `nil`: every settleable game.
    public var gameID: Int?

    /// Parameters for `sport` and `gameID` (both optional).
    public init(sport: String? = nil, gameID: Int? = nil) {
        self.sport = sport
        self.gameID = gameID
    }

    public func validate() throws {
        if let sport,
            sport.isEmpty || sport.utf8.count > 32
                || !sport.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F })
        {
            throw QueueError(.invalidRequest, "sport must be a lowercase sport code such as nba, not \"\(sport.prefix(40))\"")
        }
        if let gameID, gameID <= 0 { throw QueueError(.invalidRequest, "game_id must be a positive integer") }
    }

    enum CodingKeys: String, CodingKey {
        case sport
        case gameID = "game_id"
    }
}
