import Foundation
import Redis

/// The live workers, as they report themselves with every heartbeat.
public struct WorkerDirectory: Sendable {
    /// One worker's last report.
    public struct Entry: Sendable, Codable, Equatable {
        public var identity: String
        public var host: String
        public var pid: Int
        public var queues: String
        public var concurrency: Int
        public var busy: Int
        public var processed: Int
        public var lastBeat: Date
        public var draining: Bool

    }

    let backend: any QueueBackend

    /// The workers reporting to `backend`.
    public init(backend: any QueueBackend) { self.backend = backend }

    /// The workers reporting to Redis.
    public init(redis: RedisClient) { self.init(backend: RedisQueueBackend(redis: redis)) }

    /// Workers whose report has not expired, newest beat first. Forgets the expired ones.
    public func live() async throws -> [Entry] {
        try await backend.liveWorkers()
    }
}
