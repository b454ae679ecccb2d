import Foundation
import Store

/// The history the prop tests predict from: three teams, `pastDays` final games before the clock, one a day at the
/// clock's time of day plus 11 hours in the three pairings in turn, and tonight's game of teams 0 and 1.
struct PropSeason {
    /// The teams' ids, by index.
    let teams: [Int]
    /// Tonight's game, 11 hours after the clock.
    let gameID: Int
    /// Its start.
    let tonight: Date

    /// A team of a past game: its id and its index in `teams`.
    typealias PlayingTeam = (id: Int, index: Int)

    /// Seeds `store` as of `now`: teams `<prefix>-home`, `-away` and `-other` of `sport`, each past game final at
    /// `score`, its player lines written by `lines` (the game's id, start and day, and the home and away teams' ids and
    /// indexes).
    static func seed(
        _ store: Store, sport: String, prefix: String, now: Date, pastDays: Int, score: (home: Int, away: Int),
        lines: (_ gameID: Int, _ start: Date, _ day: Int, _ home: PlayingTeam, _ away: PlayingTeam) async throws -> Void
    ) async throws -> PropSeason {
        var teams: [Int] = []
        for name in ["home", "away", "other"] {
            teams.append(
                try await store.teams.upsert(Team(sport: sport, externalID: "\(prefix)-\(name)", name: "\(prefix.capitalized) \(name)")))
        }
        let pairs = [(0, 1), (0, 2), (1, 2)]
        let firstStart = now.addingTimeInterval(-Double(pastDays) * 86_400 + 11 * 3_600)
        for day in 0..<pastDays {
            let (home, away) = pairs[day % 3]
            let start = firstStart.addingTimeInterval(Double(day) * 86_400)
            let gameID = try await store.games.upsert(
                Game(
                    sport: sport, externalID: "past-\(day)", homeTeamID: teams[home], awayTeamID: teams[away], scheduledAt: start,
                    status: .final, homeScore: score.home, awayScore: score.away))
            try await lines(gameID, start, day, (teams[home], home), (teams[away], away))
        }
        let tonight = now.addingTimeInterval(11 * 3_600)
        let gameID = try await store.games.upsert(
            Game(sport: sport, externalID: "tonight", homeTeamID: teams[0], awayTeamID: teams[1], scheduledAt: tonight))
        return PropSeason(teams: teams, gameID: gameID, tonight: tonight)
    }
}
