import Essentials
import Foundation

/// What to enqueue: a job type, its JSON payload and how it should run.
public struct JobRequest: Sendable, Hashable {
    /// What happens to a child when a parent ends dead or cancelled.
    public enum ParentFailurePolicy: String, Sendable, Codable {
        /// The child is cancelled.
        case cancel
        /// The child goes to the dead set with the parent's failure as its error.
        case fail
    }

    /// A scheduler's fencing token: the queue refuses tokens older than the newest it has seen.
    public struct Fence: Sendable, Hashable {
        public var name: String
        public var token: UInt64
        public init(name: String, token: UInt64) {
            self.name = name
            self.token = token
        }
    }

    /// Assigned on creation; a duplicate submit (same idempotency key) returns the first job's id instead.
    public var id: String
    public var type: String
    public var queue: String
    /// The payload as JSON text.
    public var payload: String
    /// 0 (first) to 9 (last).
    public var priority: Int
    /// Not before this time; `nil` means now.
    public var runAt: Date?
    public var maxAttempts: Int
    /// Delay before the second attempt; doubles each attempt up to `maximumBackoff`, with ±25 % jitter.
    public var backoff: Duration
    public var maximumBackoff: Duration
    /// How long one attempt may run before it is cancelled and counted as failed.
    public var timeout: Duration
    public var idempotencyKey: String?
    /// Jobs that must succeed before this one runs.
    public var dependsOn: [String]
    public var onParentFailure: ParentFailurePolicy
    public var fence: Fence?
    /// The W3C `traceparent` of the span that submitted the job (an API request): the worker puts its trace id on the
    /// job's log lines, so one trace follows a submission into the run. Nil: not traced.
    public var traceparent: String?

    public init(
        type: String,
        queue: String = "default",
        payload: String = "{}",
        priority: Int = 0,
        runAt: Date? = nil,
        maxAttempts: Int = 5,
        backoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(3600),
        timeout: Duration = .seconds(1800),
        idempotencyKey: String? = nil,
        dependsOn: [String] = [],
        onParentFailure: ParentFailurePolicy = .cancel,
        fence: Fence? = nil
    ) {
        self.id = JobID.generate()
        self.type = type
        self.queue = queue
        self.payload = payload
        self.priority = priority
        self.runAt = runAt
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.maximumBackoff = maximumBackoff
        self.timeout = timeout
        self.idempotencyKey = idempotencyKey
        self.dependsOn = dependsOn
        self.onParentFailure = onParentFailure
        self.fence = fence
    }

    /// A request for a typed job; the payload is encoded from `parameters`.
    public init<P: JobParameters>(_ parameters: P, queue: String? = nil) throws {
        let data = try JSONEncoder.sortedKeys.encode(parameters)
        self.init(type: P.jobType, queue: queue ?? P.defaultQueue, payload: String(decoding: data, as: UTF8.self))
    }

    /// Refuses malformed requests with a reason; nothing has been written when this throws.
    public func validate() throws {
        try QueueName.validate(queue)
        guard JobRequest.isValidType(type) else {
            throw QueueError(.invalidRequest, "job type \"\(type.prefix(80))\" must be dotted lowercase, like collect.odds", queue: queue)
        }
        guard (0...9).contains(priority) else {
            throw QueueError(.invalidRequest, "priority must be 0 (first) to 9 (last), got \(priority)", queue: queue)
        }
        guard (1...100).contains(maxAttempts) else {
            throw QueueError(.invalidRequest, "max attempts must be 1 to 100, got \(maxAttempts)", queue: queue)
        }
        guard timeout > .zero, backoff >= .zero, maximumBackoff >= backoff else {
            throw QueueError(.invalidRequest, "timeout must be positive and backoff ≤ maximum backoff", queue: queue)
        }
        guard payload.utf8.count <= 1 << 20 else {
            throw QueueError(.invalidRequest, "payload is \(payload.utf8.count) bytes; the limit is 1 MiB", queue: queue)
        }
        guard JSONSyntax.isValid(payload) else {
            throw QueueError(.invalidRequest, "payload is not valid JSON", queue: queue)
        }
        if let key = idempotencyKey {
            guard !key.isEmpty, key.utf8.count <= 200, !key.contains(where: { $0.isNewline || $0 == "\u{0}" }) else {
                throw QueueError(.invalidRequest, "idempotency key must be 1–200 bytes without newlines", queue: queue)
            }
        }
        for parent in dependsOn where !JobID.isValid(parent) {
            throw QueueError(.invalidRequest, "depends_on holds \"\(parent.prefix(40))\", which is not a job id", queue: queue)
        }
        guard Set(dependsOn).count == dependsOn.count, !dependsOn.contains(id) else {
            throw QueueError(.invalidRequest, "depends_on must list distinct other jobs", queue: queue)
        }
        if let fence, fence.name.isEmpty || fence.name.contains(where: { $0.isWhitespace }) {
            throw QueueError(.invalidRequest, "fence name must be a word", queue: queue)
        }
    }

    /// Dotted lowercase words: letters, digits and underscores, starting with a letter, ≤ 64 bytes.
    public static func isValidType(_ type: String) -> Bool {
        guard !type.isEmpty, type.utf8.count <= 64 else { return false }
        return type.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }
}

extension JSONEncoder {
    /// Deterministic JSON (sorted keys), so equal payloads hash alike.
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
