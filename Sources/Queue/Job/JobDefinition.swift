import Essentials
import Foundation

/// A job as both backends store it when it is enqueued: the request's fields, with its due time fixed.
///
/// The Redis backend hands these to the `enqueue` script; the in-memory backend keeps them in its `MemoryJob`s.
struct JobDefinition: Sendable, Hashable {
    var id: String
    var type: String
    var payload: String
    var priority: Int
    var maxAttempts: Int
    /// Milliseconds since the epoch; `now` for a job due at once.
    var runAt: Int64
    var timeout: Duration
    var backoff: Duration
    var maximumBackoff: Duration
    var idempotencyKey: String?
    var parents: [String]
    var onParentFailure: JobRequest.ParentFailurePolicy

    init(_ request: JobRequest, now: Int64) {
        id = request.id
        type = request.type
        payload = request.payload
        priority = request.priority
        maxAttempts = request.maxAttempts
        runAt = request.runAt.map { Int64($0.timeIntervalSince1970 * 1000) } ?? now
        timeout = request.timeout
        backoff = request.backoff
        maximumBackoff = request.maximumBackoff
        idempotencyKey = request.idempotencyKey
        parents = request.dependsOn
        onParentFailure = request.onParentFailure
    }

    /// What a repeat under the same idempotency key must match; nil without a key.
    var payloadHash: String? { idempotencyKey.map { _ in Digest.sha256.hex(type + "\n" + payload) } }
}
