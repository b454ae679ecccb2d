import API
import Diagnostics
import Essentials
import Foundation
import Jobs
import Queue
import Redis
import Store

/// Every job type this build of the platform knows, with its handler.
enum JobCatalog {
    /// The registry; jobs that write to PostgreSQL (the collectors, configured from the environment, and the model
    /// pipeline) get handlers only when `store` is given, and are otherwise declared, so submissions are still
    /// validated. `now` is the platform's clock: the sandbox's world clock when `aips dev` runs it faster than real
    /// time; `qualityThresholds` replace the seed's data-quality limits; `secrets` opens sealed secrets (the alert
    /// webhooks' signing secrets); `market` is what the alert webhooks say of the prices (`MarketEnvironment`).
    static func registry(
        redis: RedisClient, store: Store? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        now: (@Sendable () -> Date)? = nil, qualityThresholds: QualityThresholds? = nil, secrets: SecretKeyring? = nil,
        market: MarketSource = .live
    ) -> JobRegistry {
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        if let store {
            var collectors = CollectorEnvironment.configuration(environment)
            if let now { collectors.now = now }
            if let qualityThresholds { collectors.qualityThresholds = qualityThresholds }
            let clock = collectors.now
            // Whatever stores or settles predictions, or collects odds or games, makes the API's cached reads of them
            // stale in every API process.
            let predictions = ReadCache.predictions(redis: redis)
            let odds = ReadCache.odds(redis: redis)
            let games = ReadCache.games(redis: redis)
            RecordedEffectJob.register(in: registry, redis: redis, store: store)
            CollectorJobs.register(
                in: registry, store: store, configuration: collectors, oddsChanged: { try await odds.invalidate(after: $0) },
                gamesChanged: { try await games.invalidate(after: $0) })
            FeatureJobs.register(in: registry, store: store, sports: collectors.sports, uncollected: collectors.uncollected, now: clock)
            let prediction = PredictionEnvironment.configuration(environment)
            ModelJobs.register(
                in: registry, store: store, sports: collectors.sports, featureSetVersion: FeatureCatalog.version,
                promotion: PromotionEnvironment.configuration(environment), now: clock,
                publication: prediction.publication, picks: prediction.picks, predictionsChanged: { try await predictions.invalidate() })
            SettleJobs.register(in: registry, store: store, now: clock, predictionsChanged: { try await predictions.invalidate() })
            PropJobs.register(in: registry, store: store, now: clock, predictionsChanged: { try await predictions.invalidate() })
            PlayerPointsJobs.register(in: registry, store: store, now: clock, predictionsChanged: { try await predictions.invalidate() })
            // `aips dev` sets it: the sandbox's webhook inbox listens on loopback.
            AlertJobs.register(
                in: registry, store: store, secrets: secrets, market: market,
                allowingPrivateHosts: environment["ALERT_WEBHOOK_PRIVATE_HOSTS"] == "true")
        } else {
            registry.declare(RecordedEffectJob.self)
            CollectorJobs.declare(in: registry)
            FeatureJobs.declare(in: registry)
            ModelJobs.declare(in: registry)
            SettleJobs.declare(in: registry)
            PropJobs.declare(in: registry)
            PlayerPointsJobs.declare(in: registry)
            AlertJobs.declare(in: registry)
        }
        return registry
    }
}
