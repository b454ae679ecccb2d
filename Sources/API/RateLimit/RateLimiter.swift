import Essentials
import Redis

/// Fixed-window rate limits kept in Redis, shared by every API instance.
struct RateLimiter: Sendable {
    let redis: RedisClient

    /// Counts one request against `key`; returns nil when allowed, else the wait before the window resets.
    func consume(_ key: String, limit: RateLimit) async throws -> Duration? {
        let reply = try await redis.run(
            RateLimitScripts.fixedWindow, keys: [key],
            arguments: [String(limit.requests), String(limit.window.milliseconds)])
        let wait = reply.int ?? -1
        return wait < 0 ? nil : .milliseconds(wait)
    }
}

extension Duration {
    /// Whole seconds, rounded up, at least 1: the value of a `Retry-After` header.
    var retryAfterSeconds: Int {
        max(1, Int((milliseconds + 999) / 1000))
    }
}
