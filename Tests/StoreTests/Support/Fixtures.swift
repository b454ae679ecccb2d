import Foundation
import Logging
import Postgres
import Store
import TestSupport
import Testing

/// Rows the repository tests build on.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_772_000_000)

    /// A migrated database's store.
    static func store(_ function: String = #function) async throws -> Store {
        let database = try await TestDatabase.migrated(function)
        return Store(configuration: PostgresConfiguration(url: database.url, maximumConnections: 4))
    }

    /// A fresh database migrated only up to `version`, for a later migration's test on rows stored before it: a pool
    /// to store them in that schema, the migrator to finish with, and a store on the database.
    static func migrated(
        upTo version: Int, _ function: String = #function
    ) async throws -> (pool: PostgresConnectionPool, migrator: Migrator, store: Store) {
        let database = try await TestDatabase.create(function)
        let pool = database.pool()
        let migrator = Migrator(pool: pool, logger: Logger(label: "partial-migration"))
        try await migrator.up(to: version)
        return (pool, migrator, Store(configuration: PostgresConfiguration(url: database.url, maximumConnections: 2)))
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
    /// A model in the schema before migration 26 (the repository writes its `publication` column), for the tests of
    /// earlier migrations.
    static func legacyModel(in pool: PostgresConnectionPool) async throws -> Int {
        let row = try #require(
            try await pool.query(
                """
                INSERT INTO models (name, version, sport, bet_type, feature_set_version, training_start, training_end, artifact,
                                    artifact_sha256)
                VALUES ('nba_spread', 1, 'nba', 'spread', 'v1', \(start.addingTimeInterval(-86_400 * 365)), \(start), '\\x010203'::bytea,
                        \(String(repeating: "0", count: 64)))
                RETURNING id
                """
            ).first)
        return try row.decode(Int.self, "id")
    }

    static func model(in store: Store, version: Int = 1) async throws -> Int {
        try await store.models.register(
            RegisteredModel(
                name: "nba_spread", version: version, sport: "nba", betType: .spread, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start, artifact: Data([1, 2, 3])))
    }
}
