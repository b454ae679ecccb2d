import Foundation
import Postgres
import Redis
import Store

/// The account changes an admin makes, the same over HTTP (`/admin/users/…`) and from the command line (`aips user
/// role|disable|enable|unlock|reset-2fa|set-password`); a user changing their own password (`POST /auth/password`)
/// goes through `setPassword` too.
///
/// A change of role, state or password, or a reset of the second factor, ends every session of the user at once
/// (their tokens carry the old role, or were got with the old password); no change may leave the platform without an
/// active admin (the store checks that under a lock). Who may make a change (not an admin on themselves) is the
/// caller's concern.
public struct UserAdministration: Sendable {
    let database: any PostgresDatabase
    let sessions: SessionStore
    let throttle: LoginThrottle
    let hasher: PasswordHasher

    init(database: any PostgresDatabase, sessions: SessionStore, throttle: LoginThrottle, hasher: PasswordHasher) {
        self.database = database
        self.sessions = sessions
        self.throttle = throttle
        self.hasher = hasher
    }

    /// For tools that change accounts but serve no logins (`aips user`): sessions and lockouts are the ones the API
    /// keeps in `redis` under `namespace` (its `redisNamespace`).
    public init(database: any PostgresDatabase, redis: RedisClient, namespace: String = "aips", hasher: PasswordHasher = PasswordHasher()) {
        // Ending sessions and lifting lockouts need only the keys' names: no session is opened and no login
        // throttled here, so the lifetime and the limits are never applied.
        self.init(
            database: database, sessions: SessionStore(redis: redis, lifetime: .zero, namespace: namespace),
            throttle: LoginThrottle(redis: redis, perAddress: RateLimit(requests: 1, per: .seconds(1)), maxFailures: 1, lockout: .zero, namespace: namespace),
            hasher: hasher)
    }

    /// The user with `id`, if any.
    public func user(id: UUID) async throws -> User? {
        try await database.users.find(id: id)
    }

    /// The user with `email` (any case), if any.
    public func user(email: String) async throws -> User? {
        try await database.users.find(email: email)
    }

    /// Gives the user `role`; a change ends their sessions.
    public func change(id: UUID, role: UserRole) async throws -> UserRepository.GuardedChange {
        try await endingSessions(id, try await database.users.change(id: id, role: role))
    }

    /// Disables (`false`: no login, sessions ended) or enables the account.
    public func change(id: UUID, isActive: Bool) async throws -> UserRepository.GuardedChange {
        try await endingSessions(id, try await database.users.change(id: id, isActive: isActive))
    }

    /// Forgets the account's failed logins, which lifts a lockout at once; nil if there is no such user.
    public func unlock(id: UUID) async throws -> User? {
        guard let user = try await database.users.find(id: id) else { return nil }
        try await throttle.clearFailures(user.email)
        return user
    }

    /// Turns two-factor login off (secret, pending enrolment and recovery codes) and ends the user's sessions; the
    /// user can enrol again. Nil if there is no such user.
    public func resetTwoFactor(id: UUID) async throws -> User? {
        guard try await database.users.resetTOTP(id: id) else { return nil }
        try await sessions.endAll(userID: AuthRoutes.userID(id))
        return try await database.users.find(id: id)
    }

    /// Gives the account the password `password` (which `PasswordRule` must admit: the caller has checked it) and ends
    /// every session of the user, so each device logs in again with it. A lockout stays (`unlock` lifts it). Nil if there
    /// is no such user.
    public func setPassword(id: UUID, to password: String) async throws -> User? {
        let hash = try await hasher.hash(password)
        guard try await database.users.updatePasswordHash(id: id, to: hash) else { return nil }
        try await sessions.endAll(userID: AuthRoutes.userID(id))
        return try await database.users.find(id: id)
    }

    private func endingSessions(_ id: UUID, _ change: UserRepository.GuardedChange) async throws -> UserRepository.GuardedChange {
        if case .changed = change { try await sessions.endAll(userID: AuthRoutes.userID(id)) }
        return change
    }
}
