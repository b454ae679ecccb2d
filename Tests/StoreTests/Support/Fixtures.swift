import Foundation
import Postgres
import Store
import TestSupport

/// Rows the repository tests build on.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_772_000_000)

    /// A migrated database's store.
    static func store(_ function: String = #function) async throws -> Store {
        let database = try await TestDatabase.migrated(function)
        return Store(configuration: PostgresConfiguration(url: database.url, maximumConnections: 4))
    }

    /// Two teams and a game between them; returns the game's id.
    static func game(in store: Store, sport: String = "nba", externalID: String = "g1", at date: Date = start) async throws -> Int {
        let home = try await store.teams.upsert(
            Team(
                sport: sport, externalID: "\(externalID)-home", name: "Home",
                venue: Venue(name: "Arena", latitude: 42.36, longitude: -71.06)))
        let away = try await store.teams.upsert(Team(sport: sport, externalID: "\(externalID)-away", name: "Away"))
        return try await store.games.upsert(
            Game(sport: sport, externalID: externalID, homeTeamID: home, awayTeamID: away, scheduledAt: date))
    }

    /// A registered model; returns its id.
    static func model(in store: Store, version: Int = 1) async throws -> Int {
        try await store.models.register(
            RegisteredModel(
                name: "nba_spread", version: version, sport: "nba", betType: .spread, featureSetVersion: "v1",
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start, artifact: Data([1, 2, 3])))
    }
}
