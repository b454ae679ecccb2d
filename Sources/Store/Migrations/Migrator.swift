import Foundation
import Logging
import Postgres

/// Applies and reverts migrations, one process at a time, refusing any applied migration that changed.
///
/// Every run takes a PostgreSQL session advisory lock first, so two processes migrating the same
/// database at once take turns: the second waits, then finds the work done.
public struct Migrator: Sendable {
    /// The advisory lock key every migrator of this platform takes ("aipsmigr" in ASCII).
    public static let advisoryLockKey: Int64 = 0x6169_7073_6D69_6772

    private let pool: PostgresConnectionPool
    private let migrations: [Migration]
    private let logger: Logger

    /// A migrator for `migrations` (the platform's by default) on the database behind `pool`.
    public init(pool: PostgresConnectionPool, migrations: [Migration] = Migration.platform, logger: Logger) {
        self.pool = pool
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// The state of every known and every applied migration, in version order.
    public func status() async throws -> [MigrationStatus] {
        try await pool.withConnection { connection in
            let applied = try await appliedMigrations(on: connection)
            return statuses(applied: applied)
        }
    }

    /// Applies pending migrations up to `target` (all by default) and returns the ones applied.
    @discardableResult
    public func up(to target: Int? = nil) async throws -> [Migration] {
        try await withCheckedMigrations { connection, applied in
            let latestApplied = applied.keys.max() ?? 0
            let pending = migrations.filter { applied[$0.version] == nil && $0.version <= (target ?? .max) }
            if let gap = pending.first(where: { $0.version < latestApplied }) {
                throw StoreError(
                    .migrationMissing,
                    message: "migration \(gap.version) (\(gap.name)) was never applied but \(latestApplied) was; "
                        + "renumber it after the latest applied migration")
            }
            for migration in pending {
                let started = ContinuousClock.now
                try await connection.withTransaction { connection in
                    try await connection.executeScript(migration.up)
                    let milliseconds = Int((ContinuousClock.now - started) / .milliseconds(1))
                    _ = try await connection.query(
                        """
                        INSERT INTO schema_migrations (version, name, checksum, execution_ms)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum), \(milliseconds))
                        """)
                }
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            }
            return pending
        }
    }

    /// Reverts the latest `count` applied migrations, newest first, and returns the ones reverted.
    @discardableResult
    public func down(count: Int = 1) async throws -> [Migration] {
        try await withCheckedMigrations { connection, applied in
            let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            let reverting = applied.keys.sorted(by: >).prefix(max(0, count)).compactMap { known[$0] }
            for migration in reverting {
                try await connection.withTransaction { connection in
                    try await connection.executeScript(migration.down)
                    _ = try await connection.query("DELETE FROM schema_migrations WHERE version = \(migration.version)")
                }
                logger.info("reverted migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            }
            return reverting
        }
    }

    private func validateDefinitions() throws {
        var seen = Set<Int>()
        for migration in migrations {
            guard migration.version > 0, seen.insert(migration.version).inserted else {
                throw StoreError(.migrationChanged, message: "migration versions must be positive and unique; \(migration.version) is not")
            }
        }
    }

    /// Runs `body` with the applied migrations, under the migration lock, once the definitions are valid, the
    /// migrations table exists and no applied migration has drifted: what applying and reverting both need first.
    private func withCheckedMigrations<T: Sendable>(
        _ body: (PostgresConnection, [Int: AppliedMigration]) async throws -> T
    ) async throws -> T {
        try validateDefinitions()
        return try await withMigrationLock { connection in
            try await createMigrationsTable(on: connection)
            let applied = try await appliedMigrations(on: connection)
            try refuseDrift(applied: applied)
            return try await body(connection, applied)
        }
    }

    /// Holds the platform's advisory lock on one connection for the duration of `body`.
    private func withMigrationLock<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await pool.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))")
            let value: T
            do {
                value = try await body(connection)
            } catch {
                // If unlocking fails the connection is broken, and closing it releases the lock.
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))")
                throw error
            }
            _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))")
            return value
        }
    }

    private func createMigrationsTable(on connection: PostgresConnection) async throws {
        _ = try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                execution_ms integer NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    private struct AppliedMigration {
        let name: String
        let checksum: String
        let appliedAt: Date
    }

    private func appliedMigrations(on connection: PostgresConnection) async throws -> [Int: AppliedMigration] {
        let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.decode(Bool.self, "present") == true else { return [:] }
        let result = try await connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations")
        var applied: [Int: AppliedMigration] = [:]
        for row in result.rows {
            applied[try row.decode(Int.self, "version")] = AppliedMigration(
                name: try row.decode(String.self, "name"), checksum: try row.decode(String.self, "checksum"),
                appliedAt: try row.decode(Date.self, "applied_at"))
        }
        return applied
    }

    private func statuses(applied: [Int: AppliedMigration]) -> [MigrationStatus] {
        var statuses: [MigrationStatus] = migrations.map { migration in
            guard let record = applied[migration.version] else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending)
            }
            if record.checksum != migration.checksum {
                return MigrationStatus(
                    version: migration.version, name: migration.name, state: .changed(appliedChecksum: record.checksum))
            }
            return MigrationStatus(version: migration.version, name: migration.name, state: .applied(at: record.appliedAt))
        }
        let known = Set(migrations.map(\.version))
        for (version, record) in applied where !known.contains(version) {
            statuses.append(MigrationStatus(version: version, name: record.name, state: .unknown))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    /// Throws, loudly, if an applied migration was edited or the database knows migrations this build does not.
    private func refuseDrift(applied: [Int: AppliedMigration]) throws {
        for status in statuses(applied: applied) {
            switch status.state {
            case .changed(let appliedChecksum):
                let current = migrations.first { $0.version == status.version }?.checksum ?? ""
                logger.critical(
                    "applied migration was changed", metadata: ["version": "\(status.version)", "name": "\(status.name)"])
                throw StoreError(
                    .migrationChanged,
                    message: "migration \(status.version) (\(status.name)) was changed after it was applied: checksum "
                        + "\(appliedChecksum) in the database, \(current) in this build. Never edit an applied "
                        + "migration; add a new one.")
            case .unknown:
                throw StoreError(
                    .migrationUnknown,
                    message: "the database has migration \(status.version) (\(status.name)), unknown to this build; "
                        + "run a build that knows it")
            case .applied, .pending:
                continue
            }
        }
    }
}
