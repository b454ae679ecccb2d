import Foundation
import Store
import Testing

@testable import Jobs

/// Baseball's starters' strikeouts and walks (feature set v6): each one's (K − BB) per nine over his known lines, and
/// what the two starters' rates are worth against the league's, worked out by hand.
@Suite struct StarterStrikeoutFeatureTests {
    typealias Seeded = SignalFeatureTests

    static func line(_ game: Int, _ athlete: String, team: Int, day: Int, outs: Int, strikeouts: Int, walks: Int) -> PitcherGameLine {
        PitcherGameLine(
            gameID: game, scheduledAt: Seeded.dayZero.addingTimeInterval(Double(day) * 86_400), athleteID: athlete, teamID: team, outs: outs,
            strikeouts: strikeouts, walks: walks, earnedRuns: 2)
    }

    @Test func theStartersRatesAndTheirWorthComeFromLinesKnownBeforeAsOf() throws {
        let history = [
            Seeded.game(1, home: 1, away: 3, day: 1, score: (5, 2)),
            Seeded.game(2, home: 3, away: 1, day: 6, score: (4, 3)),
            Seeded.game(3, home: 2, away: 3, day: 8, score: (2, 3)),
        ]
        let target = Seeded.game(4, home: 1, away: 2, day: 10)
        let asOf = target.scheduledAt.addingTimeInterval(-3600)
        let early = Seeded.dayZero.addingTimeInterval(-30 * 86_400)
        let starters = [
            Seeded.seen(1, team: 1, "ace", at: early), Seeded.seen(2, team: 1, "ace", at: early), Seeded.seen(3, team: 2, "rookie", at: early),
            Seeded.seen(4, team: 1, "ace", at: early), Seeded.seen(4, team: 2, "rookie", at: early),
        ]
        let lines = [
            Self.line(1, "ace", team: 1, day: 1, outs: 18, strikeouts: 8, walks: 1),
            Self.line(2, "ace", team: 1, day: 6, outs: 18, strikeouts: 7, walks: 2),
            Self.line(1, "other", team: 3, day: 1, outs: 15, strikeouts: 4, walks: 3),
            Self.line(3, "rookie", team: 2, day: 8, outs: 15, strikeouts: 2, walks: 4),
            // A line of a game not over at the as-of (the target itself, say) is not known.
            Self.line(4, "ace", team: 1, day: 10, outs: 21, strikeouts: 15, walks: 0),
        ]
        var builder = FeatureBuilder(sport: "mlb", teams: Seeded.teams, finishedGames: history, starters: starters, pitcherLines: lines)
        let features = builder.features(for: target, asOf: asOf)

        #expect(features["sp_kbb9_home_last15"] == Double(15 - 3) * 27 / 36)
        #expect(features["sp_kbb9_away_last15"] == Double(2 - 4) * 27 / 15)
        // The league: every known line, the other pitcher's too.
        let league = Double(15 - 3 + 1 - 2) * 27 / Double(36 + 15 + 15)
        // The league's 2026 games scored 19 runs in 6 team-games.
        let runsPerGame = 19.0 / 6
        let ace = 1 - (league + (9 - league) * 12 / (12 + StarterStrikeouts.priorInnings) - league) * 0.28 * 17 / 27 / runsPerGame
        let rookie = 1 - (league + (-3.6 - league) * 5 / (5 + StarterStrikeouts.priorInnings) - league) * 0.28 * 17 / 27 / runsPerGame
        let edge = try #require(features["line_adjust_starter_kbb"])
        #expect(abs(edge - StarterEffect.logOdds(home: ace, away: rookie, runsPerGame: runsPerGame)) < 1e-12)
        // The home starter strikes out more and walks fewer: the adjustment favours the home side.
        #expect(ace < 1 && rookie > 1 && edge > 0)

        // Feature set v5 has none of it.
        var v5 = builder.computing("v5")
        let older = v5.features(for: target, asOf: asOf)
        #expect(older["sp_kbb9_home_last15"] == nil && older["line_adjust_starter_kbb"] == nil && older["sp_starts_home_season"] != nil)
        #expect(!FeatureCatalog.names(sport: "mlb", version: "v5").contains("line_adjust_starter_kbb"))
        #expect(FeatureCatalog.names(sport: "mlb", version: "v6").contains("line_adjust_starter_kbb"))
        // Before any line is known there is no league rate and no adjustment; a pitcher without lines has no rate.
        var before = FeatureBuilder(sport: "mlb", teams: Seeded.teams, finishedGames: history, starters: starters, pitcherLines: [])
        let none = before.features(for: target, asOf: asOf)
        #expect(none["line_adjust_starter_kbb"] == nil && none["sp_kbb9_home_last15"] == nil)
    }

    @Test func aStartersRateIsShrunkTowardTheLeaguesByHisInnings() throws {
        let one = [Self.line(1, "a", team: 1, day: 1, outs: 18, strikeouts: 10, walks: 0)]
        let many = (0..<10).map { Self.line($0, "a", team: 1, day: $0, outs: 18, strikeouts: 10, walks: 0) }
        let league = 5.0
        let short = try #require(StarterStrikeouts.factor(one, leaguePerNine: league, runsPerGame: 4.5))
        let long = try #require(StarterStrikeouts.factor(many, leaguePerNine: league, runsPerGame: 4.5))
        // The same rate (15 per nine) over ten times the innings moves his factor further from average.
        #expect(short < 1 && long < short)
        #expect(StarterStrikeouts.factor([Self.line(1, "a", team: 1, day: 1, outs: 0, strikeouts: 0, walks: 0)], leaguePerNine: league, runsPerGame: 4.5) == nil)
        // At the league's own rate he is average.
        let average = [Self.line(1, "a", team: 1, day: 1, outs: 27, strikeouts: 6, walks: 1)]
        #expect(StarterStrikeouts.factor(average, leaguePerNine: league, runsPerGame: 4.5) == 1)
    }
}
