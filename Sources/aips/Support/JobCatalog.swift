import Jobs
import Queue
import Store

/// Every job type this build of the platform knows, with its handler.
enum JobCatalog {
    /// The registry; with a `store`, the collectors run here (configured from the environment), else they
    /// are only declared so their payloads validate on submit.
    static func registry(redis: RedisClient, store: Store? = nil) -> JobRegistry {
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        if let store {
            CollectorJobs.register(in: registry, store: store, configuration: CollectorEnvironment.configuration())
        } else {
            CollectorJobs.declare(in: registry)
        }
        return registry
    }
}
