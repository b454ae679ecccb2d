import Essentials
import Postgres
import Queue
import Redis

/// Prediction reads cached in Redis (the seed's cache table: 5 minutes, invalidated on new predictions).
///
/// Entries live under a generation number: `invalidate()` bumps it, so every cached page
/// and prediction is bypassed at once on every API instance and the old entries simply
/// expire. All keys share the `{predictions}` hash tag, so the lookup is one script on one
/// Cluster slot. Whatever writes predictions calls `invalidate` after its transaction commits.
public struct PredictionCache: Sendable {
    let redis: RedisClient
    /// How long an entry lives.
    let lifetime: Duration

    /// Every key starts with this; the hash tag keeps them on one Cluster slot.
    let prefix: String
    /// When this process first saw each generation, so a miss may be read from a replica that has caught up to it.
    let sightings = GenerationSightings()

    /// KEYS[1] prefix; ARGV entry name. Returns {generation, cached body or nil}.
    static let lookup = RedisScript(name: "prediction-cache-lookup", source: """
        local generation = redis.call('GET', KEYS[1] .. 'generation') or '0'
        return {generation, redis.call('GET', KEYS[1] .. 'v' .. generation .. ':' .. ARGV[1])}
        """)

    /// A cache over `redis` whose entries live `lifetime`, under keys `NAMESPACE:cache:{predictions}:…`.
    public init(redis: RedisClient, lifetime: Duration, namespace: String = "aips") {
        self.redis = redis
        self.lifetime = lifetime
        self.prefix = namespace + ":cache:{predictions}:"
    }

    /// The cached body for `name`, or the generation to store a fresh one under and the consistency a read for it
    /// needs: every commit the generation covers.
    func lookup(_ name: String) async throws -> (generation: String, body: [UInt8]?, consistency: ReadConsistency) {
        let reply = try await redis.run(Self.lookup, keys: [prefix], arguments: [Digest.sha256.hex(name)])
        let items = reply.array ?? []
        let generation = items.first?.string ?? "0"
        if items.count > 1, case .bulk(let bytes) = items[1] { return (generation, bytes, .primary) }
        return (generation, nil, .committedBefore(sightings.firstSeen(generation)))
    }

    /// Stores `body` for `name` under `generation`.
    func store(_ name: String, generation: String, body: [UInt8]) async throws {
        try await redis.send([
            "SET", prefix + "v" + generation + ":" + Digest.sha256.hex(name), String(decoding: body, as: UTF8.self),
            "PX", String(lifetime.milliseconds),
        ])
    }

    /// Makes every cached prediction read stale at once; call after new predictions are stored.
    public func invalidate() async throws {
        try await redis.send("INCR", prefix + "generation")
    }
}
