import Foundation
import Postgres

/// Reads and writes `users`.
public struct UserRepository: Sendable {
    let database: any PostgresDatabase

    /// Creates a user (email lowercased); a taken email fails with a unique violation (`isUniqueViolation`).
    public func create(_ user: User) async throws -> User {
        let result = try await database.query(
            """
            INSERT INTO users (id, email, password_hash, role, totp_secret, is_active)
            VALUES (coalesce(\(user.id)::uuid, gen_random_uuid()), \(user.email.lowercased()), \(user.passwordHash),
                    \(user.role), \(user.totpSecret), \(user.isActive))
            RETURNING *
            """)
        guard let row = result.first else { throw StoreError(.decoding, message: "INSERT INTO users returned no row") }
        return try Self.user(row)
    }

    /// The user with `id`.
    public func find(id: UUID) async throws -> User? {
        try await database.query("SELECT * FROM users WHERE id = \(id)").rows.first.map(Self.user)
    }

    /// The user with `email` (case-insensitive).
    public func find(email: String) async throws -> User? {
        try await database.query("SELECT * FROM users WHERE email = \(email.lowercased())").rows.first.map(Self.user)
    }

    /// Records a successful login.
    public func recordLogin(id: UUID, at date: Date = Date()) async throws {
        _ = try await database.query("UPDATE users SET last_login_at = \(date) WHERE id = \(id)")
    }

    /// Replaces the password hash.
    public func updatePasswordHash(id: UUID, to passwordHash: String) async throws {
        _ = try await database.query(
            "UPDATE users SET password_hash = \(passwordHash), updated_at = now() WHERE id = \(id)")
    }

    /// Enables or disables an account.
    public func setActive(id: UUID, _ isActive: Bool) async throws {
        _ = try await database.query("UPDATE users SET is_active = \(isActive), updated_at = now() WHERE id = \(id)")
    }

    /// Every stored TOTP secret, by user id (for re-sealing under a new key).
    public func totpSecrets() async throws -> [UUID: String] {
        var secrets: [UUID: String] = [:]
        for row in try await database.query("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL").rows {
            secrets[try row.decode("id")] = try row.decode("totp_secret")
        }
        return secrets
    }

    /// Replaces a user's stored TOTP secret if it is still `expected` (a concurrent change wins); true when replaced.
    public func replaceTOTPSecret(id: UUID, expected: String, with secret: String) async throws -> Bool {
        try await database.query(
            "UPDATE users SET totp_secret = \(secret), updated_at = now() WHERE id = \(id) AND totp_secret = \(expected)"
        ).affectedRows == 1
    }

    private static func user(_ row: PostgresRow) throws -> User {
        User(
            id: try row.decode("id"), email: try row.decode("email"), passwordHash: try row.decode("password_hash"),
            role: try row.decode("role"), totpSecret: try row.decode("totp_secret"), isActive: try row.decode("is_active"),
            createdAt: try row.decode("created_at"), lastLoginAt: try row.decode("last_login_at"))
    }
}
