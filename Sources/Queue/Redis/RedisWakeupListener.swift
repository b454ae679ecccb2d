import Redis

/// Blocks on a queue's `notify` list (on a connection of its own) for the tokens enqueues push.
struct RedisWakeupListener: QueueWakeupListener {
    let connection: RedisBlockingConnection
    let key: String

    func next(timeout: Duration) async throws -> Bool {
        let seconds = max(1, Int((timeout.components.seconds)))
        let reply = try await connection.send(["BLPOP", key, String(seconds)], blockingFor: .seconds(seconds))
        return !reply.isNull
    }

    func close() { connection.close() }
}
