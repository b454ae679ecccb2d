import Foundation

/// One job as the in-memory backend holds it: the fields of the Redis job hash, typed.
struct MemoryJob: Sendable {
    var id: String
    var type: String
    var payload: String
    var priority: Int
    var maxAttempts: Int
    /// Milliseconds since the epoch, as every time here.
    var runAt: Int64
    var timeout: Int64
    var backoffBase: Int64
    var backoffMaximum: Int64
    var state: JobState
    var attempt = 0
    var createdAt: Int64
    var idempotencyKey: String?
    var payloadHash: String?
    var parents: [String]
    var onParentFailure: JobRequest.ParentFailurePolicy
    var worker: String?
    var token: String?
    var leaseUntil: Int64?
    var startedAt: Int64?
    var cancelRequested = false
    var finishedAt: Int64?
    var result: String?
    var progress: Int?
    var progressMessage: String?
    var progressAt: Int64?
    var errors: [AttemptError] = []
    var hasChildren = false

    /// The job as `JobRecord` reads it from Redis, so both backends answer alike.
    func record(queue: String) -> JobRecord? {
        var fields: [String: String] = [
            "type": type, "payload": payload, "priority": String(priority), "max_attempts": String(maxAttempts),
            "run_at": String(runAt), "timeout_ms": String(timeout), "state": state.rawValue, "attempt": String(attempt),
            "created_at": String(createdAt), "cancel": cancelRequested ? "1" : "0",
        ]
        fields["idem"] = idempotencyKey
        if !parents.isEmpty { fields["parents"] = parents.joined(separator: ",") }
        fields["worker"] = worker
        fields["lease_until"] = leaseUntil.map { String($0) }
        fields["started_at"] = startedAt.map { String($0) }
        fields["finished_at"] = finishedAt.map { String($0) }
        fields["result"] = result
        fields["progress"] = progress.map { String($0) }
        fields["progress_message"] = progressMessage
        if !errors.isEmpty, let data = try? JSONEncoder.sortedKeys.encode(errors) { fields["errors"] = String(decoding: data, as: UTF8.self) }
        return JobRecord(queue: queue, id: id, fields: fields)
    }
}
