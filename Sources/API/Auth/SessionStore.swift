import Essentials
import Foundation
import Metrics
import Redis

/// Sessions in Redis: one per login, ended by logout, by reuse of a spent refresh token, or all at once by an admin.
///
/// Access tokens name their session (`sid`); every authenticated request checks that the
/// session still exists and counts against the user's rate limit in the same script, so
/// logout takes effect at once on every API instance.
struct SessionStore: Sendable {
    let redis: RedisClient
    /// How long a session lives without a refresh (the seed's 30 minutes).
    let lifetime: Duration
    /// The first part of every key.
    let namespace: String
    /// Session checks as cache lookups (the seed's session cache): a live session is a hit, an ended one a miss.
    var counters = CacheCounters(cache: "sessions", factory: MetricsSystem.factory)

    /// What a refresh did.
    enum Rotation: Sendable, Equatable {
        case rotated(sessionID: String, token: RefreshToken)
        case reused
        case invalid
    }

    /// The user's key prefix; the hash tag keeps a user's keys on one Cluster slot.
    func prefix(_ userID: String) -> String { namespace + ":auth:{" + userID + "}:" }

    /// Spends the user's TOTP code of time step `step`: true the first time, false if it was spent before. A code is
    /// good once, for a login or for confirming an enrolment alike; the step is remembered until it can no longer
    /// match (three periods of `period` seconds).
    func spendTOTPStep(_ step: Int64, userID: String, period: Int64) async throws -> Bool {
        let fresh = try await redis.send("SET", prefix(userID) + "totp:\(step)", "1", "NX", "PX", String(period * 3 * 1000))
        return !fresh.isNull
    }

    /// User ids become key names, so only `[A-Za-z0-9-]`, at most 64 characters.
    static func isSafeUserID(_ id: some StringProtocol) -> Bool {
        !id.isEmpty && id.utf8.count <= 64
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    /// Opens a session for a user who just proved who they are; returns its id and first refresh token.
    func open(userID: String) async throws -> (sessionID: String, refresh: RefreshToken) {
        let sessionID = Base64URL.encode(try SecureRandom.bytes(16))
        let refresh = try RefreshToken.generate(userID: userID)
        try await redis.run(
            SessionScripts.open, keys: [prefix(userID)],
            arguments: [sessionID, String(Int64(Date().timeIntervalSince1970 * 1000)), refresh.digest, String(lifetime.milliseconds)])
        return (sessionID, refresh)
    }

    /// Spends `token` for a new one; a token already spent ends its whole session.
    func rotate(_ token: RefreshToken) async throws -> Rotation {
        let next = try RefreshToken.generate(userID: token.userID)
        let reply = try await redis.run(
            SessionScripts.rotate, keys: [prefix(token.userID)],
            arguments: [token.digest, next.digest, String(lifetime.milliseconds)])
        let items = (reply.array ?? []).map { $0.string ?? "" }
        switch items.first {
        case "rotated" where items.count == 2:
            return .rotated(sessionID: items[1], token: next)
        case "reused": return .reused
        default: return .invalid
        }
    }

    /// Ends a session: its refresh tokens and access tokens stop working everywhere.
    func end(userID: String, sessionID: String) async throws {
        try await redis.send("DEL", prefix(userID) + "session:" + sessionID)
    }

    /// Ends every session of a user (disabled, demoted, or their second factor reset): all their tokens stop working
    /// everywhere.
    func endAll(userID: String) async throws {
        _ = try await redis.run(SessionScripts.endAll, keys: [prefix(userID)], arguments: [])
    }

    /// What `admit` decided about one request.
    enum Admission: Sendable, Equatable {
        case allowed
        case sessionEnded
        case limited(retryAfter: Duration)
    }

    /// Checks the session is alive and counts the request against the user's limit, atomically.
    func admit(_ identity: Identity, limit: RateLimit) async throws -> Admission {
        let reply = try await redis.run(
            RateLimitScripts.admit, keys: [prefix(identity.userID)],
            arguments: [identity.sessionID, String(limit.requests), String(limit.window.milliseconds)])
        let admission = reply.int ?? -2
        counters.record(hit: admission != -2)
        switch admission {
        case -2: return .sessionEnded
        case -1: return .allowed
        case let wait: return .limited(retryAfter: .milliseconds(wait))
        }
    }
}
