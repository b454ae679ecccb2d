import Essentials
import Foundation
import Postgres
import Queue
import Store

/// A job as the API shows it.
struct JobView: Encodable, Sendable {
    struct Progress: Encodable, Sendable {
        var percent: Int
        var message: String?
    }

    struct AttemptFailure: Encodable, Sendable {
        var attempt: Int
        var at: Date
        var kind: String
        var message: String
    }

    var id: String
    var type: String
    var queue: String
    var state: String
    var payload: JSONValue
    var priority: Int
    var attempt: Int
    var maxAttempts: Int
    var createdAt: Date
    var runAt: Date?
    var startedAt: Date?
    var finishedAt: Date?
    var progress: Progress?
    var result: JSONValue?
    var errors: [AttemptFailure]
    var idempotencyKey: String?
    var dependsOn: [String]
    var cancelRequested: Bool
    /// The trace of the request that submitted it: search the logs for it to see the request and the job's run.
    var traceId: String?

    init(_ record: JobRecord) {
        id = record.id
        type = record.type
        queue = record.queue
        state = record.state.rawValue
        payload = JSONValue(text: record.payload) ?? .string(record.payload)
        priority = record.priority
        attempt = record.attempt
        maxAttempts = record.maxAttempts
        createdAt = record.createdAt
        runAt = record.runAt
        startedAt = record.startedAt
        finishedAt = record.finishedAt
        progress = record.progress.map { Progress(percent: $0, message: record.progressMessage) }
        result = record.result.map { JSONValue(text: $0) ?? .string($0) }
        errors = record.errors.map { AttemptFailure(attempt: $0.attempt, at: $0.date, kind: $0.kind, message: $0.message) }
        idempotencyKey = record.idempotencyKey
        dependsOn = record.dependsOn
        cancelRequested = record.cancelRequested
        traceId = record.traceID
    }
}
