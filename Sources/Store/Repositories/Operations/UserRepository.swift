import Foundation
import Postgres

/// Reads and writes `users`.
public struct UserRepository: Sendable {
    /// The orders a page of users can be read in.
    public enum Order: String, SQLSortField {
        case createdAt = "created_at"
        case email
        case lastLoginAt = "last_login_at"
        case role

        public var column: String { rawValue }
    }

    /// What a guarded change of role or state did.
    public enum GuardedChange: Sendable, Equatable {
        /// Done; the user as it is now.
        case changed(User)
        /// Nothing to do: the user already had that role and state.
        case unchanged(User)
        /// No such user.
        case notFound
        /// Refused: no active admin would be left.
        case lastAdmin
    }

    /// Serializes changes of roles and account states, so two admins demoting each other cannot both succeed.
    private static let adminLock: Int64 = 0x6169_7073_6164_6D6E

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

    /// Replaces the password hash; false if there is no such user.
    @discardableResult
    public func updatePasswordHash(id: UUID, to passwordHash: String) async throws -> Bool {
        try await database.query(
            "UPDATE users SET password_hash = \(passwordHash), updated_at = now() WHERE id = \(id)").affectedRows == 1
    }

    /// Enables or disables an account.
    public func setActive(id: UUID, _ isActive: Bool) async throws {
        _ = try await database.query("UPDATE users SET is_active = \(isActive), updated_at = now() WHERE id = \(id)")
    }

    /// One page of users, with the total, optionally of one role and one state.
    public func page(
        role: UserRole? = nil, isActive: Bool? = nil, order: ListOrder<Order> = ListOrder(.createdAt), limit: Int, offset: Int
    ) async throws -> (users: [User], total: Int) {
        let conditions: PostgresQuery = "(\(role)::text IS NULL OR role = \(role)) AND (\(isActive)::boolean IS NULL OR is_active = \(isActive))"
        let page = try await database.page(
            select: "*", from: "users", where: conditions, order: order, tiebreak: "id", limit: limit, offset: offset, row: Self.user)
        return (page.rows, page.total)
    }

    /// Sets a user's role and whether the account is active (`nil` keeps either), unless no active admin would be
    /// left.
    public func change(id: UUID, role: UserRole? = nil, isActive: Bool? = nil) async throws -> GuardedChange {
        try await database.withTransaction(isolation: #isolation) { tx in
            _ = try await tx.query("SELECT pg_advisory_xact_lock(\(Self.adminLock)::bigint)")
            guard let user = try await tx.query("SELECT * FROM users WHERE id = \(id) FOR UPDATE").first.map(Self.user) else {
                return .notFound
            }
            guard (role ?? user.role) != user.role || (isActive ?? user.isActive) != user.isActive else { return .unchanged(user) }
            let staysAdmin = (role ?? user.role) == .admin && (isActive ?? user.isActive)
            if user.role == .admin && user.isActive && !staysAdmin {
                let others = try await tx.query(
                    "SELECT count(*) AS admins FROM users WHERE role = 'admin' AND is_active AND id <> \(id)"
                ).first.map { try $0.decode(Int.self, "admins") } ?? 0
                guard others > 0 else { return .lastAdmin }
            }
            let updated = try await tx.query(
                """
                UPDATE users SET role = coalesce(\(role)::text, role), is_active = coalesce(\(isActive)::boolean, is_active),
                    updated_at = now()
                WHERE id = \(id) RETURNING *
                """
            ).first.map(Self.user)
            return updated.map(GuardedChange.changed) ?? .notFound
        }
    }

    /// Stores a TOTP secret (sealed by the caller) as the user's pending enrolment, replacing any earlier one; false
    /// when there is no such user.
    public func startTOTPEnrolment(id: UUID, pendingSecret: String) async throws -> Bool {
        try await database.query(
            "UPDATE users SET totp_pending_secret = \(pendingSecret), updated_at = now() WHERE id = \(id)"
        ).affectedRows == 1
    }

    /// Makes the pending secret the user's TOTP secret if it is still `expected` (a newer enrolment wins), and stores
    /// `recoveryCodeHashes` in place of any earlier codes, in one transaction; true when confirmed.
    public func confirmTOTPEnrolment(id: UUID, expected: String, recoveryCodeHashes: [String]) async throws -> Bool {
        try await database.withTransaction(isolation: #isolation) { tx in
            let confirmed = try await tx.query(
                """
                UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, updated_at = now()
                WHERE id = \(id) AND totp_pending_secret = \(expected)
                """
            ).affectedRows == 1
            if confirmed { try await RecoveryCodeRepository.replace(userID: id, hashes: recoveryCodeHashes, on: tx) }
            return confirmed
        }
    }

    /// Turns two-factor login off: the secret, any pending enrolment and every recovery code go; false when there is
    /// no such user.
    public func resetTOTP(id: UUID) async throws -> Bool {
        try await database.withTransaction(isolation: #isolation) { tx in
            try await RecoveryCodeRepository.replace(userID: id, hashes: [], on: tx)
            return try await tx.query(
                "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, updated_at = now() WHERE id = \(id)"
            ).affectedRows == 1
        }
    }

    /// Every stored TOTP secret, by user id (for re-sealing under a new key).
    public func totpSecrets() async throws -> [UUID: String] {
        try await database.dictionary("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL", key: "id", value: "totp_secret")
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
            createdAt: try row.decode("created_at"), lastLoginAt: try row.decode("last_login_at"),
            totpPendingSecret: try row.decode("totp_pending_secret"))
    }
}
