import Foundation
import Store
import Testing

@testable import Jobs

/// Baseball's starting-pitcher form and bullpen use from a small seeded history, and line movement from a
/// known odds path: each value worked out by hand.
@Suite struct SignalFeatureTests {
    /// 2026-04-06 23:00 UTC, a Monday, 19:00 Eastern: day 0 of the seeded history.
    static let dayZero = Date(timeIntervalSince1970: 1_775_516_400)

    static func team(_ id: Int, _ abbreviation: String) -> Team {
        Team(
            id: id, sport: "mlb", externalID: "\(id)", name: abbreviation, abbreviation: abbreviation,
            venue: Venue(name: "Park \(id)", latitude: 40, longitude: -75, timeZone: "America/New_York"))
    }

    static let teams = [team(1, "NYY"), team(2, "BOS"), team(3, "TOR")]

    static func game(_ id: Int, home: Int, away: Int, day: Int, score: (Int, Int)? = nil, innings: Int? = 9) -> Game {
        Game(
            id: id, sport: "mlb", externalID: "g\(id)", season: 2026, homeTeamID: home, awayTeamID: away,
            scheduledAt: dayZero.addingTimeInterval(Double(day) * 86_400), status: score == nil ? .scheduled : .final,
            homeScore: score?.0, awayScore: score?.1, innings: score == nil ? nil : innings)
    }

    static func seen(_ game: Int, team: Int, _ athlete: String, at date: Date) -> GameStarter {
        GameStarter(gameID: game, teamID: team, source: "espn", athleteID: athlete, athleteName: athlete, firstSeenAt: date)
    }

    @Test func starterFormAndBullpenUseComeFromKnownStartsBeforeAsOf() throws {
        let history = [
            // Ace (team 1) starts days 1, 6, 11, 16; his team allows 2, 4, 6, 1 (home or away).
            Self.game(1, home: 1, away: 3, day: 1, score: (5, 2)),
            Self.game(2, home: 3, away: 1, day: 6, score: (4, 3)),
            Self.game(3, home: 1, away: 2, day: 11, score: (0, 6)),
            Self.game(4, home: 2, away: 1, day: 16, score: (1, 8)),
            // Announced for Ace, but another pitcher replaced him before the target's as-of: not his start.
            Self.game(5, home: 1, away: 3, day: 14, score: (0, 12)),
            // Announced for Ace only after the target's as-of: not known then.
            Self.game(6, home: 1, away: 3, day: 17, score: (2, 15)),
            // Team 1's last three days: an 11-inning game on day 19 and a 9-inning one on day 20.
            Self.game(7, home: 1, away: 3, day: 19, score: (3, 2), innings: 11),
            Self.game(8, home: 3, away: 1, day: 20, score: (1, 0)),
            // Rookie (team 2) starts once, day 15, allowing 3; team 2's day-20 game has no line score stored.
            Self.game(9, home: 2, away: 3, day: 15, score: (2, 3)),
            Self.game(10, home: 3, away: 2, day: 20, score: (5, 4), innings: nil),
            // Last season's start of Ace: it counts for form, not for this season's starts.
            Game(
                id: 11, sport: "mlb", externalID: "g11", season: 2025, homeTeamID: 1, awayTeamID: 2,
                scheduledAt: Self.dayZero.addingTimeInterval(-200 * 86_400), status: .final, homeScore: 1, awayScore: 9),
        ]
        let target = Self.game(12, home: 1, away: 2, day: 21)
        let asOf = target.scheduledAt.addingTimeInterval(-3600)
        let early = Self.dayZero.addingTimeInterval(-300 * 86_400)
        let starters = [
            Self.seen(11, team: 1, "ace", at: early),
            Self.seen(1, team: 1, "ace", at: early), Self.seen(2, team: 1, "ace", at: early), Self.seen(3, team: 1, "ace", at: early),
            Self.seen(4, team: 1, "ace", at: early),
            Self.seen(5, team: 1, "ace", at: early), Self.seen(5, team: 1, "opener", at: early.addingTimeInterval(60)),
            Self.seen(6, team: 1, "ace", at: asOf),
            Self.seen(9, team: 2, "rookie", at: early),
            Self.seen(12, team: 1, "ace", at: asOf.addingTimeInterval(-7200)),
            Self.seen(12, team: 2, "rookie", at: asOf.addingTimeInterval(-7200)),
            // A late change at the as-of itself is not known yet.
            Self.seen(12, team: 1, "scratch", at: asOf),
        ]
        var builder = FeatureBuilder(sport: "mlb", teams: Self.teams, finishedGames: history, starters: starters)
        let features = builder.features(for: target, asOf: asOf)

        // Ace's known starts in order: game 11 (allowed 9), 1 (2), 2 (4), 3 (6), 4 (1).
        #expect(features["sp_runs_allowed_home_last3"] == 11.0 / 3)
        #expect(features["sp_runs_allowed_home_last5"] == 22.0 / 5)
        #expect(features["sp_starts_home_season"] == 4)
        #expect(features["sp_rest_days_home"] == 4)  // Day 16 to day 21: four days between.
        #expect(features["sp_runs_allowed_away_last3"] == 3 && features["sp_runs_allowed_away_last5"] == 3)
        #expect(features["sp_starts_away_season"] == 1)
        #expect(features["sp_rest_days_away"] == 5)
        #expect(features["sp_runs_allowed_diff_last3"] == 11.0 / 3 - 3)
        #expect(features["sp_runs_allowed_diff_last5"] == 22.0 / 5 - 3)
        // The starters' worth: each one's runs allowed over his team's in every game since his first start, shrunk
        // toward an average starter. Team 1 allowed 52 runs in 9 games from game 11 on; team 2, 16 in 3 from day 15.
        // The league's 2026 games scored 78 runs in 20 team-games.
        let ace = 1 + (22.0 / 5 / (52.0 / 9) - 1) * 5 / (5 + StarterEffect.priorStarts)
        let rookie = 1 + (3 / (16.0 / 3) - 1) * 1 / (1 + StarterEffect.priorStarts)
        let starterEdge = try #require(features["line_adjust_starters"])
        #expect(abs(starterEdge - 1.702 * (78.0 / 20) * (rookie - ace) / StarterEffect.marginStandardDeviation) < 1e-12)
        // The home starter is the better one by his record, so the adjustment favours the home side.
        #expect(ace < rookie && starterEdge > 0)
        #expect(features["pen_games_home_last3d"] == 2 && features["pen_extra_innings_home_last3d"] == 1)
        // Team 2 played once in the three days, a game whose innings are unknown.
        #expect(features["pen_games_away_last3d"] == 1 && features["pen_extra_innings_away_last3d"] == nil)

        // At the start the late change is known: a starter without history has no form, and that is no gap.
        let atStart = builder.features(for: target, asOf: target.scheduledAt)
        #expect(atStart["sp_starts_home_season"] == 0 && atStart["sp_runs_allowed_home_last3"] == nil)
        #expect(atStart["sp_rest_days_home"] == nil && atStart["sp_runs_allowed_diff_last3"] == nil)
        #expect(atStart["line_adjust_starters"] == nil)
        var withoutStarters = FeatureBuilder(sport: "mlb", teams: Self.teams, finishedGames: history)
        let unannounced = withoutStarters.features(for: target, asOf: asOf)
        #expect(unannounced.keys.allSatisfy { !$0.hasPrefix("sp_") })
        #expect(
            FeatureBuilder.completeness(unannounced, sport: "mlb")
                == FeatureBuilder.completeness(unannounced.merging(features.filter { $0.key.hasPrefix("sp_") }) { $1 }, sport: "mlb"))
        // NBA has no pitching features.
        #expect(FeatureCatalog.names(sport: "nba").allSatisfy { !$0.hasPrefix("sp_") && !$0.hasPrefix("pen_") })
    }

    @Test func lineMovementIsCurrentMinusOpenFromTheStoredOddsPath() async throws {
        let store = try await CollectTestSupport.migratedStore()
        var ids: [Int] = []
        for team in Self.teams {
            ids.append(try await store.teams.upsert(Team(sport: "mlb", externalID: team.externalID, name: team.name, venue: team.venue)))
        }
        let start = Self.dayZero.addingTimeInterval(21 * 86_400)
        let gameID = try await store.games.upsert(
            Game(sport: "mlb", externalID: "moving", season: 2026, homeTeamID: ids[0], awayTeamID: ids[1], scheduledAt: start))
        let asOf = start.addingTimeInterval(-3600)
        let open = asOf.addingTimeInterval(-20 * 3600)
        let middle = asOf.addingTimeInterval(-6 * 3600)
        func snapshots(_ book: String, at recordedAt: Date, home: Double, away: Double, total: Double, spread: Double) -> [OddsSnapshot] {
            [
                OddsSnapshot(
                    gameID: gameID, sport: "mlb", bookmaker: book, market: "h2h", outcome: "home", price: home, recordedAt: recordedAt),
                OddsSnapshot(
                    gameID: gameID, sport: "mlb", bookmaker: book, market: "h2h", outcome: "away", price: away, recordedAt: recordedAt),
                OddsSnapshot(
                    gameID: gameID, sport: "mlb", bookmaker: book, market: "totals", outcome: "over", price: 1.91, point: total,
                    recordedAt: recordedAt),
                OddsSnapshot(
                    gameID: gameID, sport: "mlb", bookmaker: book, market: "totals", outcome: "under", price: 1.91, point: total,
                    recordedAt: recordedAt),
                OddsSnapshot(
                    gameID: gameID, sport: "mlb", bookmaker: book, market: "spreads", outcome: "home", price: 1.91, point: spread,
                    recordedAt: recordedAt),
            ]
        }
        // The path: both books open at evens / 8.5; the sharp book moves first and furthest toward the home team.
        try await store.odds.insert(
            snapshots("draftkings", at: open, home: 2.0, away: 2.0, total: 8.5, spread: -1.5)
                + snapshots("pinnacle", at: open, home: 2.0, away: 2.0, total: 8.5, spread: -1.5)
                + snapshots("pinnacle", at: middle, home: 1.6, away: 2.4, total: 7.5, spread: -2.5)
                + snapshots("draftkings", at: middle, home: 1.8, away: 2.0, total: 8.0, spread: -1.5)
                // After the as-of: a reversal nobody knew of at the as-of.
                + snapshots("pinnacle", at: asOf, home: 3.0, away: 1.3, total: 11, spread: 1.5)
                + snapshots("draftkings", at: asOf.addingTimeInterval(60), home: 3.0, away: 1.3, total: 11, spread: 1.5))

        let lines = try await store.featureSources.oddsLines(for: [GameAsOf(gameID: gameID, asOf: asOf)])
        let game = try #require(try await store.games.find(id: gameID))
        var builder = FeatureBuilder(sport: "mlb", teams: try await store.teams.teams(sport: "mlb"), finishedGames: [])
        let features = builder.features(for: game, asOf: asOf, odds: lines)
        // No-vig home probabilities now: pinnacle (1/1.6)/(1/1.6 + 1/2.4) = 0.6, draftkings (1/1.8)/(1/1.8 + 1/2) = 10/19.
        let pinnacle = 0.6
        let draftkings = 10.0 / 19
        #expect(abs(features["line_homewinprob_move"]! - ((pinnacle + draftkings) / 2 - 0.5)) < 1e-12)
        #expect(features["line_total_move"] == 7.75 - 8.5)
        #expect(abs(features["line_homewinprob_sharpmove"]! - 0.1) < 1e-12)
        #expect(features["line_total_sharpmove"] == -1)
        #expect(features["line_spread_sharpmove"] == -1)

        // Without the sharp book the sharp moves are absent, and not counted as missing.
        let soft = builder.features(for: game, asOf: asOf, odds: lines.filter { $0.bookmaker != LineConsensus.sharpBook })
        #expect(soft["line_homewinprob_sharpmove"] == nil && soft["line_homewinprob_move"] != nil)
        #expect(FeatureCatalog.sourceDependentNames.isSuperset(of: ["line_homewinprob_sharpmove", "line_total_sharpmove"]))
        await store.shutdown()
    }
}
