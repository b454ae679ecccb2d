import Foundation
import Store
import Testing

@testable import Jobs

/// The props' maths on hand-built inputs: the Poisson threshold, the selection format, and point-in-time form.
@Suite struct PropMathTests {
    /// 2026-06-01 23:00 UTC.
    static let first = Date(timeIntervalSince1970: 1_780_354_800)

    static func line(day: Int, hits: Int, plateAppearances: Int = 4, batter: Int = 7) -> BatterGameHits {
        let start = first.addingTimeInterval(Double(day) * 86_400)
        return BatterGameHits(
            gameID: day + 1, gameDate: start.addingTimeInterval(-23 * 3_600), scheduledAt: start, homeTeamID: 1, awayTeamID: 2,
            batterID: batter, plateAppearances: plateAppearances, hits: hits)
    }

    @Test func poissonThresholdMatchesTheClosedForm() {
        // Mean 1: P(X > 0.5) = 1 − e⁻¹, P(X > 1.5) = 1 − 2e⁻¹.
        #expect(abs(PoissonThreshold.probabilityOver(0.5, mean: 1) - (1 - exp(-1))) < 1e-12)
        #expect(abs(PoissonThreshold.probabilityOver(1.5, mean: 1) - (1 - 2 * exp(-1))) < 1e-12)
        // Mean 0.9: P(X > 1.5) = 1 − e^−0.9 (1 + 0.9).
        #expect(abs(PoissonThreshold.probabilityOver(1.5, mean: 0.9) - (1 - exp(-0.9) * 1.9)) < 1e-12)
        #expect(PoissonThreshold.probabilityOver(0.5, mean: 0) == 0)
        #expect(PoissonThreshold.probabilityOver(-0.5, mean: 0.3) == 1)
    }

    @Test func higherLinesAndLowerMeansAreLessLikely() {
        for mean in stride(from: 0.1, through: 3, by: 0.1) {
            let half = PoissonThreshold.probabilityOver(0.5, mean: mean)
            let oneAndHalf = PoissonThreshold.probabilityOver(1.5, mean: mean)
            #expect(half > oneAndHalf && oneAndHalf > 0 && half < 1)
            #expect(half < PoissonThreshold.probabilityOver(0.5, mean: mean + 0.1))
        }
    }

    @Test func selectionRoundTripsAndGradesAgainstTheLine() {
        let prop = BatterHitsProp(batterID: 660_271)
        #expect(prop.selection == "batter:660271:hits_over")
        #expect(BatterHitsProp(selection: prop.selection) == prop)
        #expect(BatterHitsProp(selection: "over") == nil)
        #expect(BatterHitsProp(selection: "batter:x:hits_over") == nil)
        #expect(BatterHitsProp.result(hits: 1, line: 0.5) == .win)
        #expect(BatterHitsProp.result(hits: 0, line: 0.5) == .loss)
        #expect(BatterHitsProp.result(hits: 1, line: 1.5) == .loss)
        #expect(BatterHitsProp.result(hits: 2, line: 1.5) == .win)
    }

    @Test func formAsOfATimeIgnoresLaterGames() throws {
        let history = (0..<40).map { Self.line(day: $0, hits: $0 % 3) }
        // As of day 20's start: days 0…19 are known; day 19 ended more than 4 hours before.
        let asOf = history[20].scheduledAt
        let early = try #require(BatterForm(games: history[..<20], asOf: asOf))
        let all = try #require(BatterForm(games: history[...], asOf: asOf))
        #expect(all == early)
        // A game that started less than the result delay before the as-of is not known yet.
        let soon = try #require(BatterForm(games: history[...], asOf: history[20].scheduledAt.addingTimeInterval(3_600)))
        #expect(soon == early)
        // Last 10 games are days 10…19: hits 1,2,0,1,2,0,1,2,0,1 = 10 over 10 games.
        #expect(early.values[0] == 1.0 && early.values[1] == 4.0)
        #expect(early.values[5] == 20)
        #expect(BatterForm(games: history[...], asOf: history[0].scheduledAt) == nil)
    }

    @Test func trainingExamplesUseOnlyEarlierGames() {
        let history = (0..<12).map { Self.line(day: $0, hits: $0 == 11 ? 4 : 0) }
        let examples = BatterHitsModel.examples(history)
        // The first game has no form before it; the four-hit game is a label, never a feature.
        #expect(examples.count == 11)
        #expect(examples.allSatisfy { $0.features[0] == 0 })
        #expect(examples.last?.hits == 4)
    }

    @Test func teamsComeFromMostGamesAndRostersFromRecentOnes() {
        // Batter 7 plays for team 1 (home in every game), against 2 and then 3; batter 8 for team 2, twice.
        var lines: [BatterGameHits] = []
        for day in 0..<6 {
            var home = Self.line(day: day, hits: 1, batter: 7)
            home.awayTeamID = day < 3 ? 2 : 3
            lines.append(home)
        }
        var other = Self.line(day: 0, hits: 0, batter: 8)
        other.homeTeamID = 1
        other.awayTeamID = 2
        lines.insert(other, at: 1)
        lines.sort { ($0.scheduledAt, $0.gameID, $0.batterID) < ($1.scheduledAt, $1.gameID, $1.batterID) }
        let teams = BatterTeams(lines: lines, recentGames: 3)
        #expect(teams.batters(teamID: 1) == [7])
        // Batter 8 is a tie between teams 1 and 2: left out; team 3's roster has none of its own batters.
        #expect(teams.batters(teamID: 2).isEmpty)
        #expect(teams.batters(teamID: 3).isEmpty)
    }
}
