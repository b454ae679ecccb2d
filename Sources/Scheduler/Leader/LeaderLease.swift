import Essentials
import Redis

/// The Redis side of leader election: one lease key taken with `SET NX PX`, renewed
/// only by its owner, and a fencing counter bumped on every acquisition.
public struct LeaderLease: Sendable {
    /// The answer to an acquisition attempt.
    public enum AcquireOutcome: Sendable, Equatable {
        /// The lease is ours; `token` is the new fencing token.
        case acquired(token: UInt64)
        /// Another process holds the lease for `remaining` more.
        case heldByAnother(remaining: Duration)
    }

    /// Who this process is in the lease key (host, pid and a random suffix).
    public let owner: String
    let redis: RedisClient
    let keys: SchedulerKeys

    /// A lease handle for `owner` in the keys of `keys`.
    public init(redis: RedisClient, keys: SchedulerKeys, owner: String) {
        self.redis = redis
        self.keys = keys
        self.owner = owner
    }

    /// Takes the lease if it is free (or already ours) and draws a new fencing token.
    public func acquire(ttl: Duration) async throws(RedisError) -> AcquireOutcome {
        let reply = try await redis.run(Self.acquireScript, keys: [keys.lease, keys.fence], arguments: [owner, String(ttl.milliseconds)])
        guard let fields = reply.array, fields.count == 2, let won = fields[0].int, let value = fields[1].int else {
            throw RedisError(.server, command: "script \(Self.acquireScript.name)", message: "unexpected reply \(reply)")
        }
        return won == 1 ? .acquired(token: UInt64(value)) : .heldByAnother(remaining: .milliseconds(max(value, 0)))
    }

    /// Extends the lease to `ttl` from now if we still hold it; `false` when someone else does.
    public func renew(ttl: Duration) async throws(RedisError) -> Bool {
        try await redis.run(Self.renewScript, keys: [keys.lease], arguments: [owner, String(ttl.milliseconds)]).int == 1
    }

    /// Deletes the lease if we still hold it, so a standby need not wait for it to expire.
    @discardableResult
    public func release() async throws(RedisError) -> Bool {
        try await redis.run(Self.releaseScript, keys: [keys.lease], arguments: [owner]).int == 1
    }

    static let acquireScript = RedisScript(
        name: "scheduler-acquire",
        source: """
            -- KEYS: lease, fence counter. ARGV: owner, ttl in ms.
            -- Returns {1, new token} when the lease is ours, {0, its remaining ms} when not.
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) or redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return {1, redis.call('INCR', KEYS[2])}
            end
            return {0, redis.call('PTTL', KEYS[1])}
            """
    )

    static let renewScript = RedisScript(
        name: "scheduler-renew",
        source: """
            -- KEYS: lease. ARGV: owner, ttl in ms. Extends the lease only for its owner.
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """
    )

    static let releaseScript = RedisScript(
        name: "scheduler-release",
        source: """
            -- KEYS: lease. ARGV: owner. Deletes the lease only for its owner.
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """
    )
}
