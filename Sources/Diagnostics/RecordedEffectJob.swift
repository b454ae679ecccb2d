import Postgres
public import Queue
public import Redis
public import Store

/// A diagnostic job with a real PostgreSQL effect, written effectively once: the chaos
/// harness and the tests count its rows to prove no job's effect lands twice.
public struct RecordedEffectJob: JobParameters {
    public static let jobType = "diag.record"
    /// Groups the rows of one run.
    public var ledger: String
    /// Work time before the write, so a kill can land mid-job.
    public var milliseconds: Int?

    public init(ledger: String, milliseconds: Int? = nil) {
        self.ledger = ledger
        self.milliseconds = milliseconds
    }

    public func validate() throws {
        guard !ledger.isEmpty, ledger.utf8.count <= 100 else { throw QueueError(.invalidRequest, "ledger must be 1–100 bytes") }
        guard (0...60_000).contains(milliseconds ?? 0) else { throw QueueError(.invalidRequest, "milliseconds must be 0 to 60000") }
    }

    /// Registers the handler: counts each run in Redis (runs may repeat) and writes one row
    /// per job in PostgreSQL (effects may not).
    public static func register(in registry: JobRegistry, redis: RedisClient, store: Store) {
        registry.register(Self.self) { parameters, context -> [String: Bool] in
            try await redis.send("HINCRBY", DiagnosticJobs.ledgerKey(parameters.ledger), context.id, "1")
            if let milliseconds = parameters.milliseconds, milliseconds > 0 { try await Task.sleep(for: .milliseconds(milliseconds)) }
            let outcome = try await store.withJobEffect(jobID: context.id) { connection in
                try await connection.query("INSERT INTO diagnostic_effects (job_id, ledger) VALUES (\(context.id), \(parameters.ledger))")
            }
            return ["applied": outcome.wasApplied]
        }
    }
}
