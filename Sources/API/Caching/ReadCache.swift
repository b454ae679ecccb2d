import Essentials
import Foundation
import Metrics
import Postgres
import Redis

/// Reads cached in Redis under generation numbers: the seed's cache layers for predictions, odds and game info.
///
/// An entry lives under the current generation of each scope it depends on; `invalidate(_:)` bumps the generations
/// of the scopes a write touched, so every entry that depends on them is bypassed at once on every API instance and
/// the old entries simply expire. Writers in other processes (the workers' collectors and predictors) invalidate
/// through Redis too, after their transactions commit. A cache's keys share one hash tag, `{NAME}`, so a lookup is
/// one script on one Cluster slot.
public struct ReadCache: Sendable {
    /// What an entry depends on: a write that touches the scope makes the entry stale.
    public struct Scope: Sendable, Hashable {
        /// The scope's part of its generation key: empty, or ending in `:`.
        let key: String

        /// Everything the cache holds: entries that may depend on any write, such as unfiltered lists.
        public static let everything = Scope(key: "")

        /// One sport's data.
        public static func sport(_ code: String) -> Scope { Scope(key: "sport:" + code + ":") }

        /// One game's data: its game info, or its odds.
        public static func game(_ id: Int) -> Scope { Scope(key: "game:" + String(id) + ":") }

        /// Every game's own data at once, for a write whose games are not known (a redelivered collection).
        public static let everyGame = Scope(key: "games:")

        /// What an entry about the game `id` alone depends on.
        static func ofGame(_ id: Int) -> [Scope] { [.game(id), .everyGame] }
    }

    /// The cache's name: its hash tag and the `cache` label of its hit and miss counters.
    public let name: String
    let redis: RedisClient
    /// How long an entry lives.
    let lifetime: Duration
    /// Every key starts with this; the hash tag keeps them on one Cluster slot.
    let prefix: String
    let counters: CacheCounters
    /// When this process first saw each generation, so a miss may be read from a replica that has caught up to it.
    let sightings = GenerationSightings()

    /// KEYS[1] prefix; ARGV[1] entry name, ARGV[2…] the generation keys of the entry's scopes.
    /// Returns {version, cached body or nil}: the version joins the scopes' generations.
    static let lookup = RedisScript(name: "read-cache-lookup", source: """
        local generations = {}
        for i = 2, #ARGV do
          generations[#generations + 1] = redis.call('GET', KEYS[1] .. ARGV[i]) or '0'
        end
        local version = table.concat(generations, '.')
        return {version, redis.call('GET', KEYS[1] .. 'v' .. version .. ':' .. ARGV[1])}
        """)

    /// KEYS[1] prefix; ARGV[1] how long a generation key is kept (ms), ARGV[2…] the generation keys to bump.
    ///
    /// A generation is the server's clock in microseconds (or one more than the last, if that is later), not a
    /// counter, so a key may expire: with one key per game written, counters kept forever would only grow. When a
    /// key has expired its scope reads as generation 0 again, and entries stored under 0 before its first bump
    /// expired long before, since a key outlives the entries' lifetime; a later bump never repeats an earlier value.
    static let bump = RedisScript(name: "read-cache-invalidate", source: """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        for i = 2, #ARGV do
          local key = KEYS[1] .. ARGV[i]
          local generation = math.max(now, tonumber(redis.call('GET', key) or '0') + 1)
          redis.call('SET', key, string.format('%d', generation), 'PX', ARGV[1])
        end
        return #ARGV - 1
        """)

    /// A cache named `name` over `redis` whose entries live `lifetime`, under keys `NAMESPACE:cache:{NAME}:…`; its
    /// hits and misses are counted as `aips_cache_requests_total{cache=NAME,result=hit|miss}` through `metrics`.
    public init(
        _ name: String, redis: RedisClient, lifetime: Duration, namespace: String = "aips",
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.name = name
        self.redis = redis
        self.lifetime = lifetime
        self.prefix = namespace + ":cache:{" + name + "}:"
        self.counters = CacheCounters(cache: name, factory: metrics)
    }

    /// Prediction pages and single predictions: the seed's 5 minutes, stale once new predictions are stored or graded.
    public static func predictions(
        redis: RedisClient, lifetime: Duration = .seconds(300), namespace: String = "aips",
        metrics: any MetricsFactory = MetricsSystem.factory
    ) -> ReadCache {
        ReadCache("predictions", redis: redis, lifetime: lifetime, namespace: namespace, metrics: metrics)
    }

    /// A game's latest prices and its odds history: the seed's 30 seconds, stale once a collection stores new odds of
    /// the game's sport.
    public static func odds(
        redis: RedisClient, lifetime: Duration = .seconds(30), namespace: String = "aips",
        metrics: any MetricsFactory = MetricsSystem.factory
    ) -> ReadCache {
        ReadCache("odds", redis: redis, lifetime: lifetime, namespace: namespace, metrics: metrics)
    }

    /// Games and game lists: the seed's hour, stale once a collection writes a game of the sport.
    public static func games(
        redis: RedisClient, lifetime: Duration = .seconds(3600), namespace: String = "aips",
        metrics: any MetricsFactory = MetricsSystem.factory
    ) -> ReadCache {
        ReadCache("games", redis: redis, lifetime: lifetime, namespace: namespace, metrics: metrics)
    }

    /// The cached body of `entry`, or the one `build` makes, stored for the current generations of `scopes`. Errors
    /// are never cached.
    ///
    /// `build` reads with the consistency the cache gives: the replica only once it holds every commit the current
    /// generations cover, so a stale body is never cached under fresh generations.
    func body(
        _ entry: String, scopes: [Scope] = [.everything], build: (ReadConsistency) async throws -> [UInt8]
    ) async throws -> (body: [UInt8], hit: Bool) {
        let name = Digest.sha256.hex(entry)
        let reply = try await redis.run(Self.lookup, keys: [prefix], arguments: [name] + scopes.map { $0.key + "generation" })
        let items = reply.array ?? []
        let version = items.first?.string ?? "0"
        if items.count > 1, case .bulk(let bytes) = items[1] {
            counters.record(hit: true)
            return (bytes, true)
        }
        counters.record(hit: false)
        let seen = sightings.firstSeen(scopes.map(\.key).joined(separator: "|") + "=" + version)
        let fresh = try await build(.committedBefore(seen))
        try await redis.send([
            "SET", prefix + "v" + version + ":" + name, String(decoding: fresh, as: UTF8.self), "PX", String(lifetime.milliseconds),
        ])
        return (fresh, false)
    }

    /// The cached value of `entry`, or the one `build` makes; as `body(_:scopes:build:)`.
    func value<Value: Codable & Sendable>(
        _ entry: String, scopes: [Scope] = [.everything], build: (ReadConsistency) async throws -> Value
    ) async throws -> Value {
        // Stored in JSONEncoder's own lossless form (dates as seconds), not the responses' ISO 8601.
        let (body, hit) = try await body(entry, scopes: scopes) { consistency in
            Array(try JSONEncoder().encode(try await build(consistency)))
        }
        if hit, let value = try? JSONDecoder().decode(Value.self, from: Data(body)) { return value }
        // A body no longer decoding (a deployment changed the value's shape) is rebuilt, not served.
        if hit { return try await build(.primary) }
        return try JSONDecoder().decode(Value.self, from: Data(body))
    }

    /// Makes every entry depending on `scopes` stale at once; call after the writes to them committed.
    ///
    /// Entries of `.everything` depend on every write, so it is always bumped too.
    public func invalidate(_ scopes: [Scope] = []) async throws {
        let keys = Set(scopes + [.everything]).map { $0.key + "generation" }.sorted()
        _ = try await redis.run(Self.bump, keys: [prefix], arguments: [String(generationLifetime.milliseconds)] + keys)
    }

    /// How long a generation key is kept after its last bump: well past the entries' lifetime (see `bump`).
    var generationLifetime: Duration { lifetime * 2 + .seconds(60) }
}
