import Foundation
import Store
import Testing

@testable import Jobs

/// The featurizer's NHL features on a hand-built fortnight: goals for and against and one-goal games from the scores,
/// and from the teams' box scores (feature set v7) shots for and against, the power play, the penalty kill and the save
/// rate, each worked out by hand from games known before the as-of only.
@Suite struct HockeyFeatureTests {
    /// 2026-01-05 00:00 UTC, 19:00 Eastern: day 0.
    static let dayZero = Date(timeIntervalSince1970: 1_767_571_200)

    static let teams = [1, 2, 3].map { id in
        Team(
            id: id, sport: "nhl", externalID: "\(id)", name: "Club \(id)", abbreviation: "C\(id)",
            venue: Venue(name: "Arena \(id)", latitude: 42, longitude: -71 - Double(id), timeZone: "America/New_York"))
    }

    static func game(_ id: Int, home: Int, away: Int, at start: Date, score: (Int, Int)? = nil) -> Game {
        Game(
            id: id, sport: "nhl", externalID: "g\(id)", season: 2026, homeTeamID: home, awayTeamID: away, scheduledAt: start,
            status: score == nil ? .scheduled : .final, homeScore: score?.0, awayScore: score?.1)
    }

    static func day(_ day: Int) -> Date { dayZero.addingTimeInterval(Double(day) * 86_400) }

    static func stats(_ game: Int, team: Int, shots: Double, powerPlayGoals: Double, chances: Double) -> TeamGameStats {
        TeamGameStats(
            gameID: game, scheduledAt: .distantPast, teamID: team,
            values: ["shotsTotal": shots, "powerPlayGoals": powerPlayGoals, "powerPlayOpportunities": chances, "hits": 20])
    }

    @Test func boxScoreFeaturesComeFromTheTeamsGamesKnownBeforeAsOf() throws {
        let target = Self.game(5, home: 1, away: 2, at: Self.day(8))
        let asOf = target.scheduledAt.addingTimeInterval(-3_600)
        let history = [
            // No box score was collected for the first game: it counts in the scores' features only.
            Self.game(0, home: 2, away: 1, at: Self.day(0), score: (2, 3)),
            Self.game(1, home: 1, away: 2, at: Self.day(1), score: (4, 2)),
            Self.game(2, home: 3, away: 1, at: Self.day(3), score: (3, 2)),
            Self.game(3, home: 2, away: 3, at: Self.day(5), score: (1, 5)),
            // Final, but started two hours before the target: not known an hour before it.
            Self.game(4, home: 1, away: 3, at: target.scheduledAt.addingTimeInterval(-7_200), score: (9, 0)),
        ]
        let stats = [
            Self.stats(1, team: 1, shots: 35, powerPlayGoals: 1, chances: 4), Self.stats(1, team: 2, shots: 25, powerPlayGoals: 0, chances: 2),
            Self.stats(2, team: 3, shots: 30, powerPlayGoals: 2, chances: 5), Self.stats(2, team: 1, shots: 28, powerPlayGoals: 1, chances: 3),
            Self.stats(3, team: 2, shots: 20, powerPlayGoals: 0, chances: 1), Self.stats(3, team: 3, shots: 40, powerPlayGoals: 1, chances: 2),
            Self.stats(4, team: 1, shots: 90, powerPlayGoals: 9, chances: 9), Self.stats(4, team: 3, shots: 1, powerPlayGoals: 0, chances: 0),
            // The target's own box score, as if it had leaked in.
            Self.stats(5, team: 1, shots: 99, powerPlayGoals: 5, chances: 5), Self.stats(5, team: 2, shots: 1, powerPlayGoals: 0, chances: 5),
        ]
        var builder = FeatureBuilder(sport: "nhl", teams: Self.teams, finishedGames: history, teamStats: stats)
        let features = builder.features(for: target, asOf: asOf)
        func near(_ name: String, _ expected: Double) -> Bool {
            guard let value = features[name] else { return false }
            return abs(value - expected) < 1e-12
        }

        // The scores: club 1 won 3-2 away, 4-2 at home, lost 2-3 away (two of three by one goal).
        #expect(near("adv_goals_for_home_last10", 3) && near("adv_goals_against_home_last10", 7.0 / 3))
        #expect(near("adv_overtime_rate_home_last10", 2.0 / 3))
        // Club 1's box scores: games 1 and 2.
        #expect(near("adv_shots_home_last10", (35 + 28) / 2) && near("adv_shots_against_home_last10", (25 + 30) / 2))
        #expect(near("adv_power_play_pct_home_last10", 2.0 / 7) && near("adv_penalty_kill_pct_home_last10", 1 - 2.0 / 7))
        #expect(near("adv_save_pct_home_last10", 1 - 5.0 / 55))
        // Club 2's: games 1 and 3, without a power-play goal in three chances.
        #expect(near("adv_shots_away_last10", 22.5) && near("adv_shots_against_away_last10", 37.5))
        #expect(near("adv_power_play_pct_away_last10", 0) && near("adv_penalty_kill_pct_away_last10", 1 - 2.0 / 6))
        #expect(near("adv_save_pct_away_last10", 1 - 9.0 / 75))
        #expect(FeatureCatalog.names(sport: "nhl").filter { $0.hasPrefix("adv_") }.allSatisfy { features[$0] != nil })

        // Once game 4 is known, club 1's window reads it.
        let later = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(3 * 3_600))
        #expect(abs((later["adv_shots_home_last10"] ?? 0) - 51) < 1e-12)

        // Feature set v6 has none of the box score; a builder without box scores has the scores' features alone.
        var v6 = builder.computing("v6")
        let older = v6.features(for: target, asOf: asOf)
        #expect(older["adv_shots_home_last10"] == nil && older["adv_goals_for_home_last10"] == features["adv_goals_for_home_last10"])
        #expect(!FeatureCatalog.names(sport: "nhl", version: "v6").contains("adv_save_pct_home_last10"))
        var scoresOnly = FeatureBuilder(sport: "nhl", teams: Self.teams, finishedGames: history)
        let none = scoresOnly.features(for: target, asOf: asOf)
        #expect(none["adv_shots_home_last10"] == nil && none["adv_goals_for_home_last10"] != nil)
        // Missing box scores are a source's gap, not incompleteness.
        #expect(FeatureBuilder.completeness(none, sport: "nhl") == FeatureBuilder.completeness(features, sport: "nhl"))
    }

    @Test func soccerAndFootballBoxScoresAverageTheirWindows() throws {
        let soccer = [
            Game(id: 1, sport: "epl", externalID: "e1", season: 2026, homeTeamID: 1, awayTeamID: 2, scheduledAt: Self.day(0), status: .final, homeScore: 2, awayScore: 0),
            Game(id: 2, sport: "epl", externalID: "e2", season: 2026, homeTeamID: 3, awayTeamID: 1, scheduledAt: Self.day(7), status: .final, homeScore: 1, awayScore: 1),
        ]
        let soccerStats = [
            TeamGameStats(gameID: 1, scheduledAt: .distantPast, teamID: 1, values: ["totalShots": 18, "shotsOnTarget": 7, "possessionPct": 61.5, "wonCorners": 8]),
            TeamGameStats(gameID: 1, scheduledAt: .distantPast, teamID: 2, values: ["totalShots": 6, "shotsOnTarget": 1, "possessionPct": 38.5, "wonCorners": 2]),
            TeamGameStats(gameID: 2, scheduledAt: .distantPast, teamID: 3, values: ["totalShots": 10, "shotsOnTarget": 4, "possessionPct": 45.5, "wonCorners": 3]),
            TeamGameStats(gameID: 2, scheduledAt: .distantPast, teamID: 1, values: ["totalShots": 12, "shotsOnTarget": 3, "possessionPct": 54.5, "wonCorners": 6]),
        ]
        let target = Game(id: 3, sport: "epl", externalID: "e3", season: 2026, homeTeamID: 1, awayTeamID: 3, scheduledAt: Self.day(14))
        var builder = FeatureBuilder(sport: "epl", teams: Self.teams, finishedGames: soccer, teamStats: soccerStats)
        let features = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(-3_600))
        #expect(features["adv_shots_home_last10"] == 15 && features["adv_shots_on_target_home_last10"] == 5)
        #expect(features["adv_shots_on_target_against_home_last10"] == 2.5 && features["adv_corners_home_last10"] == 7)
        #expect(abs((features["adv_possession_home_last10"] ?? 0) - 0.58) < 1e-12)
        #expect(features["adv_shots_away_last10"] == 10 && features["adv_shots_on_target_against_away_last10"] == 3)

        let football = [
            Game(id: 1, sport: "nfl", externalID: "f1", season: 2026, homeTeamID: 1, awayTeamID: 2, scheduledAt: Self.day(0), status: .final, homeScore: 27, awayScore: 10),
        ]
        let footballStats = [
            TeamGameStats(
                gameID: 1, scheduledAt: .distantPast, teamID: 1,
                values: ["totalYards": 420, "totalOffensivePlays": 70, "turnovers": 0, "thirdDownConversions": 7, "thirdDownAttempts": 12]),
            TeamGameStats(
                gameID: 1, scheduledAt: .distantPast, teamID: 2,
                values: ["totalYards": 250, "totalOffensivePlays": 50, "turnovers": 3, "thirdDownConversions": 3, "thirdDownAttempts": 12]),
        ]
        let game = Game(id: 2, sport: "nfl", externalID: "f2", season: 2026, homeTeamID: 2, awayTeamID: 1, scheduledAt: Self.day(7))
        var footballBuilder = FeatureBuilder(sport: "nfl", teams: Self.teams, finishedGames: football, teamStats: footballStats)
        let nfl = footballBuilder.features(for: game, asOf: game.scheduledAt.addingTimeInterval(-3_600))
        #expect(nfl["adv_yards_per_play_away_last5"] == 6 && nfl["adv_yards_per_play_allowed_away_last5"] == 5)
        #expect(nfl["adv_turnover_margin_away_last5"] == 3 && nfl["adv_turnover_margin_home_last5"] == -3)
        #expect(nfl["adv_third_down_pct_home_last5"] == 0.25 && nfl["adv_third_down_pct_away_last5"] == 7.0 / 12)
    }
}
