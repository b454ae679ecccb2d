import Essentials
import Foundation

/// A job as both backends store it when it is enqueued: the request, with its due time fixed.
///
/// The request's fields read as the definition's own (`definition.priority`). The Redis backend hands these to the
/// `enqueue` script; the in-memory backend keeps them in its `MemoryJob`s.
@dynamicMemberLookup
struct JobDefinition: Sendable, Hashable {
    var request: JobRequest
    /// Milliseconds since the epoch; `now` for a job due at once.
    var runAt: Int64

    init(_ request: JobRequest, now: Int64) {
        self.request = request
        runAt = request.runAt.map { Int64($0.timeIntervalSince1970 * 1000) } ?? now
    }

    subscript<Value>(dynamicMember field: WritableKeyPath<JobRequest, Value>) -> Value {
        get { request[keyPath: field] }
        set { request[keyPath: field] = newValue }
    }

    /// What a repeat under the same idempotency key must match; nil without a key.
    var payloadHash: String? { request.idempotencyKey.map { _ in Digest.sha256.hex(request.type + "\n" + request.payload) } }
}
