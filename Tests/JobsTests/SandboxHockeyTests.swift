import Foundation
import Jobs
import Testing

@testable import Sandbox

/// The simulated NHL: nightly games in four divisions of eight, goals with overtime deciding every tie, the
/// ±1.5 puck line and totals around six goals.
@Suite struct SandboxHockeyTests {
    private static let world = SandboxWorld(seed: 42, sports: [.nhl])
    /// Thirty days of winter.
    private static let winter = Date(timeIntervalSince1970: 1_767_225_600)..<Date(timeIntervalSince1970: 1_767_225_600 + 30 * 86_400)

    @Test func thirtyTwoClubsInTheRealDivisions() throws {
        let league = try #require(Self.world.league(.nhl))
        let divisions = Dictionary(grouping: league.teams) { $0.division?.name ?? "none" }
        #expect(league.teams.count == 32 && divisions.count == 4 && divisions.values.allSatisfy { $0.count == 8 })
        // The featurizer's alignment agrees with the sandbox's.
        let structure = LeagueStructure(sport: "nhl")
        for team in league.teams {
            #expect(structure.alignment(abbreviation: team.abbreviation)?.division == team.division?.name, "\(team.abbreviation)")
        }
    }

    @Test func overtimeDecidesEveryGameAndThePuckLineIsOneAndAHalf() {
        let world = Self.world
        let games = world.games(.nhl, startingIn: Self.winter)
        #expect(games.count > 120 && games.count < 300)
        #expect(games.allSatisfy { $0.finalScore.home != $0.finalScore.away })
        let goals = Double(games.reduce(0) { $0 + $1.finalScore.home + $1.finalScore.away }) / Double(games.count)
        #expect(goals > 5.2 && goals < 7.2, "goals \(goals)")
        let oneGoal = Double(games.count { abs($0.finalScore.home - $0.finalScore.away) == 1 }) / Double(games.count)
        #expect(oneGoal > 0.3 && oneGoal < 0.5, "one-goal games \(oneGoal)")
        for game in games.prefix(20) {
            let quotes = world.quotes(game, bookmakers: Bookmaker.all, at: game.startsAt.addingTimeInterval(-3 * 3_600))
            #expect(quotes.allSatisfy { abs($0.spread) == 1.5 && $0.drawPrice == nil })
            #expect(quotes.allSatisfy { $0.total >= 4.5 && $0.total <= 7.5 })
        }
        #expect(FeatureCatalog.names(sport: "nhl").contains("adv_goals_for_home_last10"))
    }
}
