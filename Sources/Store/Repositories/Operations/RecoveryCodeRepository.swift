import Foundation
import Postgres

/// Reads and spends users' two-factor recovery codes (`user_recovery_codes`), kept as SHA-256 hashes.
public struct RecoveryCodeRepository: Sendable {
    let database: any PostgresDatabase

    /// Replaces every code of `userID` with `hashes` (lowercase hex SHA-256 of each code).
    public func replace(userID: UUID, hashes: [String]) async throws {
        try await database.withTransaction(isolation: #isolation) { tx in
            try await Self.replace(userID: userID, hashes: hashes, on: tx)
        }
    }

    /// Spends the unused code whose hash is `hash`; false when there is none (wrong, or already used).
    public func consume(userID: UUID, hash: String, at date: Date = Date()) async throws -> Bool {
        try await database.query(
            "UPDATE user_recovery_codes SET used_at = \(date) WHERE user_id = \(userID) AND code_hash = \(hash) AND used_at IS NULL"
        ).affectedRows == 1
    }

    /// How many unused codes `userID` has.
    public func remaining(userID: UUID) async throws -> Int {
        try await database.query("SELECT count(*) AS remaining FROM user_recovery_codes WHERE user_id = \(userID) AND used_at IS NULL")
            .first.map { try $0.decode(Int.self, "remaining") } ?? 0
    }

    /// `replace(userID:hashes:)` inside a transaction the caller holds.
    static func replace(userID: UUID, hashes: [String], on database: any PostgresDatabase) async throws {
        _ = try await database.query("DELETE FROM user_recovery_codes WHERE user_id = \(userID)")
        for hash in hashes {
            _ = try await database.query("INSERT INTO user_recovery_codes (user_id, code_hash) VALUES (\(userID), \(hash))")
        }
    }
}
