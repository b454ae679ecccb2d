import Foundation
import Logging
import Postgres
import Store
import Testing
import TestSupport

@Suite struct MigrationTests {
    private let logger = Logger(label: "migration-tests")

    private func tables(_ pool: PostgresConnectionPool) async throws -> Set<String> {
        let result = try await pool.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
        return Set(try result.map { try $0.decode(String.self, "table_name") })
    }

    @Test func upDownUpRestoresTheSchema() async throws {
        let pool = try await TestDatabase.create().pool()
        let migrator = Migrator(pool: pool, logger: logger)

        let applied = try await migrator.up()
        #expect(applied.map(\.version) == Migration.platform.map(\.version))
        // Appended in ascending order; a number may stay free while the branch that takes it is merged.
        let versions = Migration.platform.map(\.version)
        #expect(versions.first == 1 && zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
        let full = try await tables(pool)
        #expect(
            full.isSuperset(of: [
                "games", "teams", "odds", "closing_lines", "weather", "statcast", "raw_ingest", "game_features", "models",
                "predictions", "job_runs", "job_effects", "users", "data_quality_checks", "schema_migrations",
            ]))
        #expect(try await migrator.up().isEmpty)

        // Back to version 3: everything from models_and_predictions on is reverted, newest first.
        let reverted = try await migrator.down(count: Migration.platform.count - 3)
        #expect(reverted.map(\.version) == Array(Migration.platform.map(\.version).dropFirst(3).reversed()))
        #expect(!(try await tables(pool)).contains("predictions"))
        #expect(try await migrator.status().map(\.state).filter { $0 == .pending }.count == Migration.platform.count - 3)

        try await migrator.down(count: 100)
        #expect(try await tables(pool) == ["schema_migrations"])

        try await migrator.up()
        #expect(try await tables(pool) == full)
        #expect(try await migrator.status().allSatisfy { if case .applied = $0.state { true } else { false } })
        await pool.shutdown()
    }

    @Test func upToTargetStopsThere() async throws {
        let pool = try await TestDatabase.create().pool()
        let migrator = Migrator(pool: pool, logger: logger)
        #expect(try await migrator.up(to: 2).map(\.version) == [1, 2])
        #expect(try await migrator.up().map(\.version) == Array(Migration.platform.map(\.version).dropFirst(2)))
        await pool.shutdown()
    }

    @Test func changedAppliedMigrationIsRefused() async throws {
        let pool = try await TestDatabase.create().pool()
        let original = Migration(version: 1, name: "one", up: "CREATE TABLE one (id int)", down: "DROP TABLE one")
        try await Migrator(pool: pool, migrations: [original], logger: logger).up()

        let edited = Migration(version: 1, name: "one", up: "CREATE TABLE one (id bigint)", down: "DROP TABLE one")
        let next = Migration(version: 2, name: "two", up: "CREATE TABLE two (id int)", down: "DROP TABLE two")
        let migrator = Migrator(pool: pool, migrations: [edited, next], logger: logger)
        let error = try await #require(throws: StoreError.self) { try await migrator.up() }
        #expect(error.code == .migrationChanged)
        #expect(error.message.contains("migration 1 (one) was changed"))
        await #expect(throws: StoreError.self) { try await migrator.down() }
        let status = try await migrator.status()
        #expect(status.first?.state == .changed(appliedChecksum: original.checksum))
        #expect(!(try await tables(pool)).contains("two"))
        await pool.shutdown()
    }

    @Test func unknownAndOutOfOrderMigrationsAreRefused() async throws {
        let pool = try await TestDatabase.create().pool()
        let one = Migration(version: 1, name: "one", up: "CREATE TABLE one (id int)", down: "DROP TABLE one")
        let three = Migration(version: 3, name: "three", up: "CREATE TABLE three (id int)", down: "DROP TABLE three")
        let two = Migration(version: 2, name: "two", up: "CREATE TABLE two (id int)", down: "DROP TABLE two")
        try await Migrator(pool: pool, migrations: [one, three], logger: logger).up()

        let unknown = try await #require(throws: StoreError.self) {
            try await Migrator(pool: pool, migrations: [one], logger: logger).up()
        }
        #expect(unknown.code == .migrationUnknown)
        let gap = try await #require(throws: StoreError.self) {
            try await Migrator(pool: pool, migrations: [one, two, three], logger: logger).up()
        }
        #expect(gap.code == .migrationMissing)
        await pool.shutdown()
    }

    @Test func failingMigrationLeavesNoTrace() async throws {
        let pool = try await TestDatabase.create().pool()
        let broken = Migration(
            version: 1, name: "broken", up: "CREATE TABLE half (id int); SELECT no_such_function();", down: "DROP TABLE half")
        let error = try await #require(throws: StoreError.self) {
            try await Migrator(pool: pool, migrations: [broken], logger: logger).up()
        }
        #expect(error.sqlState == "42883")
        #expect(try await tables(pool) == ["schema_migrations"])
        // The advisory lock was released: another run can take it.
        let fixed = Migration(version: 1, name: "fixed", up: "CREATE TABLE whole (id int)", down: "DROP TABLE whole")
        #expect(try await Migrator(pool: pool, migrations: [fixed], logger: logger).up().count == 1)
        await pool.shutdown()
    }

    @Test func concurrentMigratorsTakeTurns() async throws {
        let database = try await TestDatabase.create()
        // The first migration holds the lock for a while, so the second migrator must wait for it.
        let slow = Migration(version: 1, name: "slow", up: "SELECT pg_sleep(0.5); CREATE TABLE slow (id int)", down: "DROP TABLE slow")
        let migrations =
            [slow]
            + Migration.platform.map {
                Migration(version: $0.version + 1, name: $0.name, up: $0.up, down: $0.down)
            }
        let poolA = database.pool()
        let poolB = database.pool()
        let (appliedA, appliedB) = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            group.addTask { ("a", try await Migrator(pool: poolA, migrations: migrations, logger: logger).up().count) }
            group.addTask { ("b", try await Migrator(pool: poolB, migrations: migrations, logger: logger).up().count) }
            var counts: [String: Int] = [:]
            for try await (name, count) in group { counts[name] = count }
            return (counts["a"]!, counts["b"]!)
        }
        // Exactly one of them did all the work; the other waited and found nothing to do.
        #expect([appliedA, appliedB].sorted() == [0, migrations.count])
        let rows = try await poolA.query("SELECT count(*) AS n FROM schema_migrations").first?.decode(Int.self, "n")
        #expect(rows == migrations.count)
        await poolA.shutdown()
        await poolB.shutdown()
    }

    @Test func checksumIsSHA256OfUp() {
        let migration = Migration(version: 1, name: "x", up: "abc", down: "")
        #expect(migration.checksum == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
