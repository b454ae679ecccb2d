import Redis

extension JobQueue {
    /// The Redis client under a queue on `RedisQueueBackend`, for the processes that share its connections
    /// (sessions, the leader lease, the tick ledger).
    ///
    /// Only for queues made with `init(redis:configuration:registry:)`: a queue on another backend has no
    /// Redis, and asking for it is a programming error. Code that needs Redis for anything but jobs should be
    /// handed the `RedisClient` itself.
    public var redis: RedisClient {
        guard let backend = backend as? RedisQueueBackend else {
            preconditionFailure("JobQueue.redis on a \(type(of: backend)): only a queue on Redis has a Redis client")
        }
        return backend.redis
    }
}
