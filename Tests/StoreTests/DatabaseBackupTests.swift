import Foundation
import Postgres
import Store
import TestSupport
import Testing

/// Backups with pg_dump and the weekly restore check, on the test PostgreSQL.
@Suite struct DatabaseBackupTests {
    func seeded() async throws -> (TestDatabase, URL) {
        let database = try await TestDatabase.migrated()
        let connection = try await PostgresConnection.connect(to: database.url)
        _ = try await connection.query("CREATE TABLE backup_probe (id int PRIMARY KEY, note text)")
        _ = try await connection.query("INSERT INTO backup_probe SELECT g, 'row ' || g FROM generate_series(1, 250) g")
        await connection.close()
        let file = TestServers.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).dump")
        return (database, file)
    }

    @Test func aBackupRestoresToExactlyWhatItHeld() async throws {
        let (database, file) = try await seeded()
        let backup = DatabaseBackup(databaseURL: database.url)
        let manifest = try await backup.write(to: file)
        #expect(manifest.tables["public.backup_probe"] == 250)
        #expect(manifest.tables["public.schema_migrations"] ?? 0 > 10)
        let verified = try await backup.verify(file)
        #expect(verified.tables == manifest.tables)
    }

    @Test func aBackupThatLostRowsOrIsDamagedFailsTheCheck() async throws {
        let (database, file) = try await seeded()
        let backup = DatabaseBackup(databaseURL: database.url)
        var manifest = try await backup.write(to: file)
        // A manifest that claims more rows than the dump holds: the restore check names the table.
        manifest.tables["public.backup_probe"] = 251
        let manifestFile = file.appendingPathExtension("manifest.json")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: manifestFile)
        await #expect { try await backup.verify(file) } throws: { error in
            String(describing: error).contains("public.backup_probe (251 → 250)")
        }
        // A truncated dump does not restore.
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        await #expect { try await backup.verify(file) } throws: { error in
            String(describing: error).contains("pg_restore failed")
        }
    }
}
