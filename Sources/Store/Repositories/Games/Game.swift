import Foundation

/// One game between two teams.
public struct Game: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The sport code.
    public var sport: String
    /// The source's game id, unique within the sport.
    public var externalID: String
    /// The season (the year it starts).
    public var season: Int?
    /// The home team's id.
    public var homeTeamID: Int
    /// The away team's id.
    public var awayTeamID: Int
    /// The scheduled start.
    public var scheduledAt: Date
    /// The status.
    public var status: GameStatus
    /// The home score, once known.
    public var homeScore: Int?
    /// The away score, once known.
    public var awayScore: Int?
    /// True when neither team is at home.
    public var isNeutralSite: Bool
    /// The innings played (baseball, from the line score): over 9 went to extra innings; `nil` when unknown.
    public var innings: Int?

    /// Creates a game.
    public init(
        id: Int? = nil, sport: String, externalID: String, season: Int? = nil, homeTeamID: Int, awayTeamID: Int,
        scheduledAt: Date, status: GameStatus = .scheduled, homeScore: Int? = nil, awayScore: Int? = nil,
        isNeutralSite: Bool = false, innings: Int? = nil
    ) {
        self.id = id
        self.sport = sport
        self.externalID = externalID
        self.season = season
        self.homeTeamID = homeTeamID
        self.awayTeamID = awayTeamID
        self.scheduledAt = scheduledAt
        self.status = status
        self.homeScore = homeScore
        self.awayScore = awayScore
        self.isNeutralSite = isNeutralSite
        self.innings = innings
    }
}
