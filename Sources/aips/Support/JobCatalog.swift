import Foundation
import Jobs
import Queue
import Store

/// Every job type this build of the platform knows, with its handler.
enum JobCatalog {
    /// The registry; jobs that write to PostgreSQL (the collectors, configured from the environment) get
    /// handlers only when `store` is given, and are otherwise declared, so submissions are still validated.
    static func registry(
        redis: RedisClient, store: Store? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> JobRegistry {
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        if let store {
            RecordedEffectJob.register(in: registry, redis: redis, store: store)
            CollectorJobs.register(in: registry, store: store, configuration: CollectorEnvironment.configuration(environment))
        } else {
            registry.declare(RecordedEffectJob.self)
            CollectorJobs.declare(in: registry)
        }
        return registry
    }
}
