import Foundation
import Postgres
import Store
import Testing

@Suite struct GameRepositoryTests {
    @Test func teamUpsertUpdatesByExternalID() async throws {
        let store = try await Fixtures.store()
        let venue = Venue(name: "Garden", city: "Boston", latitude: 42.366, longitude: -71.062, timeZone: "America/New_York")
        let id = try await store.teams.upsert(Team(sport: "nba", externalID: "2", name: "Celtics", abbreviation: "BOS", venue: venue))
        let again = try await store.teams.upsert(Team(sport: "nba", externalID: "2", name: "Boston Celtics", venue: venue))
        #expect(again == id)
        let team = try #require(try await store.teams.find(id: id))
        #expect(team == Team(id: id, sport: "nba", externalID: "2", name: "Boston Celtics", venue: venue))
        #expect(try await store.teams.find(sport: "nba", externalID: "2")?.id == id)
        #expect(try await store.teams.teams(sport: "nba").count == 1)
        await store.shutdown()
    }

    @Test func gameUpsertFindAndResult() async throws {
        let store = try await Fixtures.store()
        let id = try await Fixtures.game(in: store)
        var game = try #require(try await store.games.find(id: id))
        #expect(game.status == .scheduled && game.scheduledAt == Fixtures.start)
        #expect(try await store.games.updateResult(id: id, status: .final, homeScore: 101, awayScore: 99))
        game = try #require(try await store.games.find(sport: "nba", externalID: "g1"))
        #expect(game.status == .final && game.homeScore == 101 && game.awayScore == 99)
        #expect(!(try await store.games.updateResult(id: id + 1000, status: .final, homeScore: 1, awayScore: 0)))
        let window = try await store.games.games(sport: "nba", from: Fixtures.start, to: Fixtures.start.addingTimeInterval(1))
        #expect(window.map(\.id) == [id])
        await store.shutdown()
    }

    @Test func gamesWithoutOddsListsOnlyThoseWithout() async throws {
        let store = try await Fixtures.store()
        let withOdds = try await Fixtures.game(in: store, externalID: "a")
        let without = try await Fixtures.game(in: store, externalID: "b", at: Fixtures.start.addingTimeInterval(60))
        try await store.odds.insert(
            OddsSnapshot(
                gameID: withOdds, sport: "nba", bookmaker: "book", market: "h2h", outcome: "home", price: 1.9, recordedAt: Fixtures.start))
        let missing = try await store.games.gamesWithoutOdds(
            sport: "nba", from: Fixtures.start.addingTimeInterval(-3600), to: Fixtures.start.addingTimeInterval(3600))
        #expect(missing.map(\.id) == [without])
        await store.shutdown()
    }

    @Test func aTeamCannotPlayItself() async throws {
        let store = try await Fixtures.store()
        let team = try await store.teams.upsert(Team(sport: "nba", externalID: "1", name: "Solo"))
        let error = try await #require(throws: StoreError.self) {
            try await store.games.upsert(
                Game(sport: "nba", externalID: "x", homeTeamID: team, awayTeamID: team, scheduledAt: Fixtures.start))
        }
        #expect(error.sqlState == "23514")
        await store.shutdown()
    }
}
