import Redis
extension JobQueue {
    /// The limits set on `queue` with `setLimits`; reads only, for operators.
    public func limits(queue: String) async throws -> QueueLimits {
        let reply = try await redis.send("HMGET", QueueName.prefix(queue) + "meta", "concurrency", "rate", "rate_period_ms")
        let values = (reply.array ?? []).map { $0.string.flatMap { Int($0) } }
        guard values.count == 3 else { return QueueLimits() }
        let rate = values[1]
        return QueueLimits(
            concurrency: values[0], rate: rate, ratePeriod: rate == nil ? nil : values[2].map { .milliseconds($0) })
    }
}
