import Foundation
import Store

/// Everything the API server needs to know, filled in one place (`aips api`) and passed down.
public struct APIConfiguration: Sendable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on; 0 picks a free one.
    public var port: Int = 8080
    /// The largest request body accepted (413 beyond it).
    public var maxBodySize: Int = 1 << 20
    /// A request that takes at least this long is logged as a slow request with its trace id (`RequestTracingMiddleware`).
    public var slowRequestThreshold: Duration = .seconds(1)
    /// The most jobs one filtered `GET /jobs` reads when it filters by type or date.
    public var jobScanLimit: Int = 2000
    /// Token and login settings.
    public var auth: AuthConfiguration
    /// Requests per user per window, shared by every API instance.
    public var userRateLimit = RateLimit(requests: 600, per: .seconds(60))
    /// The first part of every Redis key the API writes (sessions, limits, cache): `NAMESPACE:auth:…`.
    public var redisNamespace: String = "aips"
    /// The most failing and the most dead jobs the ops overview lists, newest failure first.
    public var opsRecentFailures: Int = 50
    /// The most running jobs per queue the ops overview reads to show what each worker runs.
    public var opsRunningJobsPerQueue: Int = 200
    /// How long prediction reads are cached in Redis (the seed's 5 minutes).
    public var predictionCacheLifetime: Duration = .seconds(300)
    /// How long odds reads are cached in Redis (the seed's 30 seconds).
    public var oddsCacheLifetime: Duration = .seconds(30)
    /// How long game reads are cached in Redis (the seed's hour).
    public var gameCacheLifetime: Duration = .seconds(3600)
    /// How often each API instance moves its engagement tallies (active users, predictions viewed) to Redis.
    public var engagementFlushInterval: Duration = .seconds(5)
    /// The settled games a model under promotion review must have forecast in shadow (beside the champion, when it
    /// replaces one) before an admin can approve it without `force=true`.
    public var promotionShadowGames = 30
    /// The sports whose moneyline is three-way, on which a tracked bet may take the `draw` (soccer's leagues).
    public var threeWaySports: Set<String> = []
    /// Reverse proxies whose `X-Forwarded-For` names the client (none: the header is ignored).
    public var trustedProxies = TrustedProxies()
    /// Whether alert webhooks may point at private hosts (loopback, private ranges), over http too: `aips dev`, where
    /// the sandbox's webhook inbox listens on loopback. Off in production, so a user cannot aim the platform's POSTs
    /// inside its network.
    public var webhookPrivateHosts = false
    /// Where the collected prices and results come from, written into every answer built on them (`meta.market`).
    public var market: MarketSource = .live
    /// The platform's clock, for defaults such as "the last 30 days" (the sandbox's world clock in `aips dev`).
    public var now: @Sendable () -> Date = { Date() }

    /// A configuration with the given authentication settings and documented defaults for the rest.
    public init(auth: AuthConfiguration) {
        self.auth = auth
    }
}
