import Jobs
import Queue
import Store

/// Every job type this build of the platform knows, with its handler.
enum JobCatalog {
    /// The registry; jobs that write to PostgreSQL get handlers only when `store` is given,
    /// and are otherwise declared, so submissions are still validated.
    static func registry(redis: RedisClient, store: Store? = nil) -> JobRegistry {
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        if let store {
            RecordedEffectJob.register(in: registry, redis: redis, store: store)
        } else {
            registry.declare(RecordedEffectJob.self)
        }
        return registry
    }
}
