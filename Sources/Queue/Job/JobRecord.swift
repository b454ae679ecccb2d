import Foundation

/// Everything the queue knows about one job, as operators and the API see it.
public struct JobRecord: Sendable, Equatable, Codable {
    public var id: String
    public var type: String
    public var queue: String
    public var state: JobState
    /// The payload as JSON text.
    public var payload: String
    public var priority: Int
    public var attempt: Int
    public var maxAttempts: Int
    public var createdAt: Date
    public var runAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The result JSON of a succeeded job.
    public var result: String?
    public var errors: [AttemptError]
    public var progress: Int?
    public var progressMessage: String?
    public var worker: String?
    public var leaseUntil: Date?
    public var idempotencyKey: String?
    public var dependsOn: [String]
    public var cancelRequested: Bool
    /// The submitter's W3C `traceparent`, if it was traced.
    public var traceparent: String?

    /// The trace id in `traceparent`; nil when untraced or malformed.
    public var traceID: String? { traceparent.flatMap(TraceParent.traceID) }

    init?(queue: String, id: String, fields: [String: String]) {
        guard let type = fields["type"], let stateText = fields["state"],
              let state = JobState(rawValue: stateText) else { return nil }
        func date(_ key: String) -> Date? {
            fields[key].flatMap(Double.init).map { Date(timeIntervalSince1970: $0 / 1000) }
        }
        self.id = id
        self.type = type
        self.queue = queue
        self.state = state
        self.payload = fields["payload"] ?? "null"
        self.priority = fields["priority"].flatMap { Int($0) } ?? 0
        self.attempt = fields["attempt"].flatMap { Int($0) } ?? 0
        self.maxAttempts = fields["max_attempts"].flatMap { Int($0) } ?? 1
        self.createdAt = date("created_at") ?? Date(timeIntervalSince1970: 0)
        self.runAt = date("run_at")
        self.startedAt = date("started_at")
        self.finishedAt = date("finished_at")
        self.result = fields["result"]
        self.errors = fields["errors"].flatMap { try? JSONDecoder().decode([AttemptError].self, from: Data($0.utf8)) } ?? []
        self.progress = fields["progress"].flatMap { Int($0) }
        self.progressMessage = fields["progress_message"]
        self.worker = fields["worker"]
        self.leaseUntil = date("lease_until")
        self.idempotencyKey = fields["idem"].flatMap { $0.isEmpty ? nil : $0 }
        self.dependsOn = (fields["parents"] ?? "").split(separator: ",").map(String.init)
        self.cancelRequested = fields["cancel"] == "1"
        self.traceparent = fields["trace"]
    }
}

/// A job a worker has leased: what it needs to run it and to report back.
public struct ReservedJob: Sendable, Equatable {
    public var id: String
    public var type: String
    public var queue: String
    /// The payload as JSON text.
    public var payload: String
    /// 1 for the first run.
    public var attempt: Int
    public var maxAttempts: Int
    public var timeout: Duration
    /// Proves the lease: acks and heartbeats carrying an older token are refused.
    public var leaseToken: String
    public var createdAt: Date
    /// When the job last became due (its run-at, or the end of its retry backoff).
    public var readyAt: Date
    /// The submitter's W3C `traceparent`, if it was traced (`JobRequest.traceparent`).
    public var traceparent: String? = nil

    /// The trace id in `traceparent`; nil when untraced or malformed.
    public var traceID: String? { traceparent.flatMap(TraceParent.traceID) }
}

/// How many jobs a queue holds in each state.
public struct QueueStats: Sendable, Equatable, Codable {
    public var queue: String
    public var paused: Bool
    public var counts: [JobState: Int]

    /// Jobs not yet finished.
    public var pending: Int {
        counts.filter { !$0.key.isFinished }.values.reduce(0, +)
    }
}

/// What `enqueue` did with one request.
public struct EnqueueResult: Sendable, Equatable {
    /// The job's id: the new one, or the existing job's for a repeated idempotency key.
    public var id: String
    /// False when an earlier job with the same idempotency key and payload was returned instead.
    public var created: Bool
}

extension ReservedJob {
    /// The lease this reservation holds.
    var lease: JobLease { JobLease(id: id, token: leaseToken) }
}
