import Essentials
import Redis

/// Brute-force protection for `POST /auth/login` and `POST /auth/2fa/verify`, in Redis.
///
/// Each address gets `perAddress` attempts per window (429 `RATE_LIMITED`). Each account
/// counts failed passwords and codes; at `maxFailures` it is locked for `lockout` (429
/// `ACCOUNT_LOCKED`), and while locked not even the right password gets in. Email addresses
/// are hashed into key names, so no client text ever becomes part of a Redis key.
struct LoginThrottle: Sendable {
    let redis: RedisClient
    let perAddress: RateLimit
    let maxFailures: Int
    let lockout: Duration
    /// The first part of every key.
    let namespace: String

    private func failureKey(_ account: String) -> String { namespace + ":auth:login:fail:" + Digest.sha256.hex(account.lowercased()) }

    /// Counts one attempt from `address`; throws 429 past the limit.
    func admitAttempt(from address: String) async throws {
        let key = namespace + ":auth:login:addr:" + Digest.sha256.hex(address)
        if let wait = try await RateLimiter(redis: redis).consume(key, limit: perAddress) {
            throw APIError.tooManyRequests(
                code: "RATE_LIMITED", "too many login attempts from this address; try again later",
                retryAfterSeconds: wait.retryAfterSeconds)
        }
    }

    /// Throws 429 `ACCOUNT_LOCKED` while `account` is locked.
    func requireUnlocked(_ account: String) async throws {
        let key = failureKey(account)
        let failures = try await redis.send("GET", key).int ?? 0
        guard failures >= maxFailures else { return }
        let wait = try await redis.send("PTTL", key).int ?? Int(lockout.milliseconds)
        throw locked(retryAfter: .milliseconds(max(wait, 1)))
    }

    /// Records a failed password or code; the failure that reaches the limit locks the account.
    func recordFailure(_ account: String) async throws {
        let key = failureKey(account)
        let failures = try await redis.send("INCR", key).int ?? 1
        if failures == 1 || failures == maxFailures {
            try await redis.send("PEXPIRE", key, String(lockout.milliseconds))
        }
        if failures >= maxFailures { throw locked(retryAfter: lockout) }
    }

    /// Forgets the failures of an account, which unlocks it: it just logged in, or an admin unlocked it.
    func clearFailures(_ account: String) async throws {
        try await redis.send("DEL", failureKey(account))
    }

    private func locked(retryAfter: Duration) -> APIError {
        APIError.tooManyRequests(
            code: "ACCOUNT_LOCKED",
            "too many failed attempts: the account is locked for \(retryAfter.retryAfterSeconds) seconds",
            retryAfterSeconds: retryAfter.retryAfterSeconds)
    }
}
