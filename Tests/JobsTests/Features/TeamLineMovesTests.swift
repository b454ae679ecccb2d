import Foundation
import Store
import Testing

@testable import Jobs

/// Each team's line drift (`line_drift_*_last20`, v9): a finished game's move is its consensus no-vig log-odds from
/// the open to the close, counted toward each side, and a team's drift the mean over its last 20 games known at the
/// as-of. Values worked out by hand.
@Suite struct TeamLineMovesTests {
    typealias Seeded = SignalFeatureTests

    static func line(_ game: Int, _ book: String, _ outcome: String, open: Double, close: Double) -> OddsLine {
        OddsLine(
            gameID: game, bookmaker: book, market: "h2h", outcome: outcome, openPrice: open, openedAt: Seeded.dayZero,
            currentPrice: close, currentAt: Seeded.dayZero.addingTimeInterval(3600))
    }

    /// Home and away at `open` and `close` no-vig home probabilities, priced without a margin.
    static func fair(_ game: Int, _ book: String, open: Double, close: Double) -> [OddsLine] {
        [
            line(game, book, "home", open: 1 / open, close: 1 / close),
            line(game, book, "away", open: 1 / (1 - open), close: 1 / (1 - close)),
        ]
    }

    static func logOdds(_ probability: Double) -> Double { log(probability / (1 - probability)) }

    @Test func aGamesMoveIsTheConsensusLogOddsFromOpenToClose() throws {
        // Game 1: two books that agree; the margin of the second is removed per book. Game 2: one book, drifting
        // toward the away side. Game 3: only the home side priced, so no move.
        let margined = [
            Self.line(1, "b", "home", open: 1 / (0.5 * 1.05), close: 1 / (0.6 * 1.05)),
            Self.line(1, "b", "away", open: 1 / (0.5 * 1.05), close: 1 / (0.4 * 1.05)),
        ]
        let moves = TeamLineMoves.moves(
            Self.fair(1, "a", open: 0.5, close: 0.6) + margined + Self.fair(2, "a", open: 0.7, close: 0.65)
                + [Self.line(3, "a", "home", open: 2, close: 1.8)])
        #expect(moves.count == 2)
        #expect(abs(try #require(moves[1]) - Self.logOdds(0.6)) < 1e-12)
        #expect(abs(try #require(moves[2]) - (Self.logOdds(0.65) - Self.logOdds(0.7))) < 1e-12)
    }

    @Test func theGamesReadAreEachTeamsLastTwentyKnownAndEveryLaterOne() {
        // Team 1 plays team 2 on days 0…29, team 3 plays team 4 on days 0…4; the as-of is day 25 + 5 h, so day 25's
        // game is known (4 h after its start) and day 26's is not.
        let finished = (0..<30).map { Seeded.game($0 + 1, home: 1, away: 2, day: $0, score: (1, 0)) }
            + (0..<5).map { Seeded.game($0 + 101, home: 3, away: 4, day: $0, score: (1, 0)) }
        let sorted = finished.sorted { ($0.scheduledAt, $0.id!) < ($1.scheduledAt, $1.id!) }
        let asOf = Seeded.dayZero.addingTimeInterval(25 * 86_400 + 5 * 3600)
        let read = TeamLineMoves.games(sorted, from: asOf)
        // Days 6…25 (the last 20 known), 26…29 (later); all five of teams 3 and 4; in start order.
        #expect(Set(read.map(\.id!)) == Set(Array(7...30) + Array(101...105)))
        #expect(read.map(\.scheduledAt) == read.map(\.scheduledAt).sorted())
    }

    @Test func aTeamsDriftIsItsMeanMoveOverItsLastTwentyKnownGames() {
        // Team 1 at home to team 2 on days 0…24, every close 0.1 of log-odds further toward the home side but day 0's
        // (0.5 toward it) and day 24's (−1, still being played at the as-of); team 3 never had a price.
        let history = (0..<25).map { Seeded.game($0 + 1, home: 1, away: 2, day: $0, score: (1, 0)) }
            + [Seeded.game(50, home: 3, away: 2, day: -1, score: (1, 0))]
        var moves = Dictionary(uniqueKeysWithValues: (1...25).map { ($0, 0.1) })
        moves[1] = 0.5
        moves[25] = -1
        let asOf = Seeded.dayZero.addingTimeInterval(24 * 86_400 + 3600)
        var builder = FeatureBuilder(sport: "mlb", teams: Seeded.teams, finishedGames: history, lineMoves: moves)
        let features = builder.features(for: Seeded.game(60, home: 1, away: 3, day: 25), asOf: asOf)
        // The last 20 known are days 4…23: 0.1 toward team 1 each.
        #expect(abs(features["line_drift_home_last20"]! - 0.1) < 1e-12)
        #expect(features["line_drift_away_last20"] == nil)
        let away = builder.features(for: Seeded.game(61, home: 3, away: 2, day: 25), asOf: asOf)
        // Team 2 was the away side of the 20 moves: 0.1 away from it each.
        #expect(abs(away["line_drift_away_last20"]! + 0.1) < 1e-12)

        // Fewer than 20 games: the mean over those there are (days 0…3 known at day 4's as-of).
        var early = FeatureBuilder(sport: "mlb", teams: Seeded.teams, finishedGames: history, lineMoves: moves)
        let dayFour = Seeded.dayZero.addingTimeInterval(4 * 86_400 - 3600)
        let first = early.features(for: Seeded.game(62, home: 1, away: 3, day: 4), asOf: dayFour)
        #expect(abs(first["line_drift_home_last20"]! - (0.5 + 0.3) / 4) < 1e-12)

        // v8 has no drift.
        var older = FeatureBuilder(sport: "mlb", teams: Seeded.teams, finishedGames: history, lineMoves: moves, version: "v8")
        #expect(older.features(for: Seeded.game(60, home: 1, away: 3, day: 25), asOf: asOf)["line_drift_home_last20"] == nil)
        #expect(FeatureCatalog.names(sport: "mlb", version: "v8").allSatisfy { !$0.hasPrefix("line_drift") })
        #expect(FeatureCatalog.names(sport: "nba").contains("line_drift_away_last20"))
    }
}
