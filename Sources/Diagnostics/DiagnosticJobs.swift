public import Queue
public import Redis
/// Job types for checking a deployment end to end, and for tests and benchmarks:
/// they exercise the queue without touching anything else.
public enum DiagnosticJobs {
    /// Does nothing; measures the queue's own overhead.
    public struct Noop: JobParameters {
        public static let jobType = "diag.noop"
        public init() {}
    }

    /// Sleeps, honouring cancellation (timeouts, operator cancels, drains).
    public struct Sleep: JobParameters {
        public static let jobType = "diag.sleep"
        public var milliseconds: Int
        public init(milliseconds: Int) { self.milliseconds = milliseconds }
        public func validate() throws {
            guard (0...3_600_000).contains(milliseconds) else {
                throw QueueError(.invalidRequest, "milliseconds must be 0 to 3600000")
            }
        }
    }

    /// Always fails: a poison job, to see retries, backoff and the dead set.
    public struct Fail: JobParameters {
        public static let jobType = "diag.fail"
        public var message: String
        /// Fail for good at once instead of retrying (default false).
        public var permanent: Bool?
        public init(message: String, permanent: Bool? = nil) {
            self.message = message
            self.permanent = permanent
        }
    }

    /// Records that it ran, once per run, in a Redis hash keyed by job id: a count above 1
    /// is a redelivery, a missing id a lost job.
    public struct Effect: JobParameters {
        public static let jobType = "diag.effect"
        public var ledger: String
        /// How long each run takes before recording its effect (default 0).
        public var milliseconds: Int?
        public init(ledger: String, milliseconds: Int? = nil) {
            self.ledger = ledger
            self.milliseconds = milliseconds
        }
    }

    /// The Redis hash where `Effect` jobs of `ledger` count their runs.
    public static func ledgerKey(_ ledger: String) -> String { "aips:diag:ledger:" + ledger }

    /// Registers the diagnostic handlers.
    public static func register(in registry: JobRegistry, redis: RedisClient) {
        registry.register(Noop.self) { _, _ in }
        registry.register(Sleep.self) { parameters, context in
            try await Task.sleep(for: .milliseconds(parameters.milliseconds))
            try await context.progress(100, "slept")
        }
        registry.register(Fail.self) { parameters, _ in
            if parameters.permanent == true { throw PermanentJobError(parameters.message) }
            throw DiagnosticFailure(message: parameters.message)
        }
        registry.register(Effect.self) { parameters, context in
            if let milliseconds = parameters.milliseconds, milliseconds > 0 { try await Task.sleep(for: .milliseconds(milliseconds)) }
            try await redis.send("HINCRBY", ledgerKey(parameters.ledger), context.id, "1")
        }
    }

    struct DiagnosticFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
