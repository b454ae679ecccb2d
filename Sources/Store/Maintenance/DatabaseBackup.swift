import Foundation
import Postgres

/// Backups of the system of record with PostgreSQL's own tools, and the check the seed asks for weekly: that a
/// backup restores to what was backed up (seed §4.9).
///
/// `write` dumps in pg_dump's custom format from a snapshot it exports itself, and counts every table's rows
/// in that same snapshot into a manifest beside the dump, so `verify` can restore into a scratch database and
/// prove each table came back with exactly the rows it had. pg_dump and pg_restore come with PostgreSQL's
/// client packages; their major version must not be older than the server's.
public struct DatabaseBackup: Sendable {
    /// The database backed up, and the server scratch databases are made on.
    public let databaseURL: String

    public init(databaseURL: String) {
        self.databaseURL = databaseURL
    }

    /// Row counts of a backup, written beside it as `<file>.manifest.json`.
    public struct Manifest: Codable, Sendable, Equatable {
        public var createdAt: Date
        /// Rows per table (`schema.table`) at the backup's snapshot.
        public var tables: [String: Int]
    }

    /// Writes a backup of the whole database to `file` and its manifest beside it; returns the manifest.
    public func write(to file: URL) async throws -> Manifest {
        let connection = try await PostgresConnection.connect(to: databaseURL)
        do {
            // The snapshot stays valid while this transaction is open: pg_dump reads exactly what was counted.
            _ = try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let snapshot: String = try await connection.query("SELECT pg_export_snapshot() AS id").first!.decode("id")
            let manifest = Manifest(createdAt: Date(), tables: try await Self.rowCounts(connection))
            try Self.run("pg_dump", ["--format=custom", "--snapshot=\(snapshot)", "--file=\(file.path)", "--dbname=\(databaseURL)"])
            _ = try await connection.query("COMMIT")
            await connection.close()
            try JSONEncoder.manifest.encode(manifest).write(to: Self.manifestURL(of: file), options: .atomic)
            return manifest
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Restores `file` into a new scratch database, compares every table's rows with the manifest, drops the
    /// scratch database; throws `BackupError` naming what differs.
    @discardableResult
    public func verify(_ file: URL) async throws -> Manifest {
        let expected = try JSONDecoder.manifest.decode(Manifest.self, from: Data(contentsOf: Self.manifestURL(of: file)))
        let scratch = "aips_restore_check_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try await PostgresConnection.connect(to: databaseURL)
        do {
            _ = try await admin.query("CREATE DATABASE \(identifier: scratch)")
        } catch {
            await admin.close()
            throw error
        }
        do {
            let scratchURL = try Self.url(databaseURL, database: scratch)
            try Self.run("pg_restore", ["--exit-on-error", "--no-owner", "--dbname=\(scratchURL)", file.path])
            let restored = try await PostgresConnection.connect(to: scratchURL)
            let counts: [String: Int]
            do {
                counts = try await Self.rowCounts(restored)
                await restored.close()
            } catch {
                await restored.close()  // the scratch database cannot be dropped while a session is open on it
                throw error
            }
            _ = try await admin.query("DROP DATABASE \(identifier: scratch)")
            await admin.close()
            let differing = Set(expected.tables.keys).union(counts.keys).filter { expected.tables[$0] != counts[$0] }.sorted()
            guard differing.isEmpty else {
                throw BackupError(
                    message: "restored rows differ from the backup's manifest in "
                        + differing.map { "\($0) (\(expected.tables[$0].map(String.init) ?? "absent") → \(counts[$0].map(String.init) ?? "absent"))" }
                        .joined(separator: ", "))
            }
            return expected
        } catch {
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: scratch)")
            await admin.close()
            throw error
        }
    }

    static func manifestURL(of file: URL) -> URL { file.appendingPathExtension("manifest.json") }

    /// Rows of every ordinary table outside the system schemas.
    static func rowCounts(_ connection: PostgresConnection) async throws -> [String: Int] {
        let tables = try await connection.query(
            """
            SELECT schemaname || '.' || tablename AS name FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """
        ).map { row -> String in try row.decode("name") }
        var counts: [String: Int] = [:]
        for table in tables {
            let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
            counts[table] = try await connection.query("SELECT count(*) AS n FROM \(identifier: parts[0]).\(identifier: parts[1])").first!.decode("n")
        }
        return counts
    }

    static func url(_ url: String, database: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw BackupError(message: "not a database URL") }
        components.path = "/" + database
        guard let text = components.string else { throw BackupError(message: "not a database URL") }
        return text
    }

    /// Runs a PostgreSQL client tool; its standard error becomes the `BackupError` when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw BackupError(message: "\(tool) could not start: \(error)") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupError(message: "\(tool) failed (exit \(process.terminationStatus)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// A backup that could not be written or does not restore to what it holds.
public struct BackupError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension JSONEncoder {
    fileprivate static var manifest: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }
}

extension JSONDecoder {
    fileprivate static var manifest: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
