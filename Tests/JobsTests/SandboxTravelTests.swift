import Foundation
import Testing

@testable import Sandbox

/// Travel moves the simulated world: a team that came far since its last game is weaker, in the truth and
/// in the books, and the distance is the one between the two venues.
@Suite struct SandboxTravelTests {
    /// Sixty days of spring, when both leagues play.
    private static let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
    private static let world = SandboxWorld(seed: 42)

    @Test func venueDistancesAreGreatCircleKilometres() throws {
        let teams = try #require(Self.world.league(.nba)?.teams)
        let boston = try #require(teams.first { $0.abbreviation == "BOS" }).venue
        let lakers = try #require(teams.first { $0.abbreviation == "LAL" }).venue
        #expect(abs(boston.kilometres(to: lakers) - 4_180) < 25)
        #expect(boston.kilometres(to: boston) == 0)
        #expect(abs(boston.kilometres(to: lakers) - lakers.kilometres(to: boston)) < 1e-9)
    }

    @Test func aTeamComesFromItsLastGamesVenue() {
        let games = Self.world.games(.nba, startingIn: Self.spring)
        var checked = 0
        for game in games {
            // The previous game of the away team, within three days: it travelled from that game's arena.
            let previous = games.last { $0.startsAt < game.startsAt && $0.day >= game.day - 3 && $0.day < game.day
                && ($0.home == game.away || $0.away == game.away) }
            guard let previous else { continue }
            #expect(abs(game.travel.away - previous.home.venue.kilometres(to: game.home.venue)) < 1e-6)
            checked += 1
        }
        #expect(checked > 100)
        // A home team that stayed home travelled nothing.
        #expect(games.contains { $0.travel.home == 0 })
    }

    // England's longest trip is under 600 km: no Premier League visitor travels 1,000 km farther than its host.
    @Test(arguments: [SandboxSport.nba, .mlb])
    func longTripsCostTheVisitors(sport: SandboxSport) {
        let world = Self.world
        let games = world.games(sport, startingIn: Self.spring)
        // The same game's truth with and without the travel difference: the edge moves by its stated size.
        let perThousand = SandboxWorld.travelCost(sport)
        for game in games.prefix(200) {
            let difference = (game.travel.away - game.travel.home) / 1_000
            let restEffect = sport == .nba ? (game.rest.home == 1 ? -1.8 : 0) - (game.rest.away == 1 ? -1.8 : 0) : 0
            let base = sport == .nba ? 2.4 : 0.24
            #expect(abs(game.conditions.homeEdge - (base + restEffect + perThousand * difference)) < 1e-9)
        }
        // Visitors who came far are less likely to win than the same game would make them without the trip.
        let model = OutcomeModel(sport: sport)
        let far = games.filter { $0.travel.away - $0.travel.home > 1_000 }
        #expect(far.count > 20)
        for game in far {
            let trip = perThousand * (game.travel.away - game.travel.home) / 1_000
            let conditions = game.conditions
            var untravelled = GameConditions(
                sport: sport, strengthGap: conditions.strengthGap, homeEdge: conditions.homeEdge - trip,
                isDivisional: conditions.isDivisional, scoring: conditions.scoring)
            untravelled.runsAllowed = conditions.runsAllowed
            #expect(world.homeWinProbability(game) > model.homeWin(untravelled.parameters(losses: game.injuryLoss)))
        }
    }
}
