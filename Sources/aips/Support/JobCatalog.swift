import Queue

/// Every job type this build of the platform knows, with its handler.
enum JobCatalog {
    static func registry(redis: RedisClient) -> JobRegistry {
        let registry = JobRegistry()
        DiagnosticJobs.register(in: registry, redis: redis)
        return registry
    }
}
