import Essentials
import Foundation

/// One job as the in-memory backend holds it: the fields of the Redis job hash, typed.
@dynamicMemberLookup
struct MemoryJob: Sendable {
    /// What was enqueued; its fields read as the job's own (`job.runAt`), as in the Redis job hash.
    var definition: JobDefinition
    var state: JobState
    var attempt = 0
    var createdAt: Int64
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

    subscript<Value>(dynamicMember field: WritableKeyPath<JobDefinition, Value>) -> Value {
        get { definition[keyPath: field] }
        set { definition[keyPath: field] = newValue }
    }

    /// The job as `JobRecord` reads it from Redis, so both backends answer alike.
    func record(queue: String) -> JobRecord? {
        var fields: [String: String] = [
            "type": self.type, "payload": self.payload, "priority": String(self.priority), "max_attempts": String(self.maxAttempts),
            "run_at": String(self.runAt), "timeout_ms": String(self.timeout.milliseconds), "state": state.rawValue, "attempt": String(attempt),
            "created_at": String(createdAt), "cancel": cancelRequested ? "1" : "0",
        ]
        fields["idem"] = self.idempotencyKey
        fields["trace"] = self.traceparent
        if !self.dependsOn.isEmpty { fields["parents"] = self.dependsOn.joined(separator: ",") }
        fields["worker"] = worker
        fields["lease_until"] = leaseUntil.map { String($0) }
        fields["started_at"] = startedAt.map { String($0) }
        fields["finished_at"] = finishedAt.map { String($0) }
        fields["result"] = result
        fields["progress"] = progress.map { String($0) }
        fields["progress_message"] = progressMessage
        if !errors.isEmpty, let data = try? JSONEncoder.sortedKeys.encode(errors) { fields["errors"] = String(decoding: data, as: UTF8.self) }
        return JobRecord(queue: queue, id: self.id, fields: fields)
    }
}
