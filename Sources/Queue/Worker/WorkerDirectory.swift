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

    let redis: RedisClient

    public init(redis: RedisClient) { self.redis = redis }

    /// Workers whose report has not expired, newest beat first. Forgets the expired ones.
    public func live() async throws -> [Entry] {
        let identities = (try await redis.send("ZRANGE", Worker.registryKey, "0", "-1").array ?? []).compactMap(\.string)
        var entries: [Entry] = []
        for identity in identities {
            let values = try await redis.send("HGETALL", Worker.workerKey(identity)).array ?? []
            guard !values.isEmpty else {
                try await redis.send("ZREM", Worker.registryKey, identity)
                continue
            }
            var fields: [String: String] = [:]
            for index in stride(from: 0, to: values.count - 1, by: 2) {
                if let key = values[index].string { fields[key] = values[index + 1].string }
            }
            entries.append(Entry(
                identity: identity, host: fields["host"] ?? "", pid: Int(fields["pid"] ?? "") ?? 0,
                queues: fields["queues"] ?? "", concurrency: Int(fields["concurrency"] ?? "") ?? 0,
                busy: Int(fields["busy"] ?? "") ?? 0, processed: Int(fields["processed"] ?? "") ?? 0,
                lastBeat: Date(timeIntervalSince1970: (Double(fields["beat_at"] ?? "") ?? 0) / 1000),
                draining: fields["draining"] == "1"))
        }
        return entries.sorted { $0.lastBeat > $1.lastBeat }
    }
}
