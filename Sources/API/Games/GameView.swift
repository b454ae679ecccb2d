import Foundation
import Store

/// A game as the API shows it: both teams by name, the start, the state and the score.
struct GameView: Codable, Sendable {
    /// One side of a game.
    struct TeamView: Codable, Sendable {
        var id: Int
        var name: String
        var abbreviation: String?
    }

    var id: Int
    var sport: String
    var season: Int?
    var scheduledAt: Date
    var status: String
    var homeTeam: TeamView
    var awayTeam: TeamView
    var homeScore: Int?
    var awayScore: Int?
    var neutralSite: Bool
    var venue: String?
    /// `GET /games/{id}`, and `GET /games?with_odds=true`: each book's latest price per market and outcome in the day
    /// before now.
    var odds: [OddsSnapshotView]?

    /// The view of `game`, naming its teams from `teams` (a team missing there shows its id only).
    init(_ game: Game, teams: [Int: Team], odds: [OddsSnapshot]? = nil) {
        func side(_ id: Int) -> TeamView {
            TeamView(id: id, name: teams[id]?.name ?? "", abbreviation: teams[id]?.abbreviation)
        }
        id = game.id ?? 0
        sport = game.sport
        season = game.season
        scheduledAt = game.scheduledAt
        status = game.status.rawValue
        homeTeam = side(game.homeTeamID)
        awayTeam = side(game.awayTeamID)
        homeScore = game.homeScore
        awayScore = game.awayScore
        neutralSite = game.isNeutralSite
        venue = game.isNeutralSite ? nil : teams[game.homeTeamID]?.venue?.name
        self.odds = odds.map { $0.map(OddsSnapshotView.init) }
    }
}
