import Logging
import Synchronization

/// The connections of a client to one Redis server: a few pipelined ones shared round-robin, and dedicated ones
/// for blocking commands; over TLS, through a tunnel of its own.
///
/// A single-server client has one pool; a cluster client one per node it has talked to; a sentinel client one
/// per sentinel and one for the current master. Connections open when the pool is made.
final class RedisNodePool: Sendable {
    /// The server, as configured or as the topology named it (not the TLS tunnel's socket).
    let endpoint: RedisConfiguration.Endpoint
    private let loop: RedisEventLoop
    private let connections: [RedisConnection]
    private let next = Atomic<Int>(0)
    /// Relays connections over TLS when the configuration asks for it; nil otherwise.
    private let tunnel: RedisTLSTunnel?
    /// Why no connection can ever work (a TLS configuration OpenSSL refused); nil normally.
    private let configurationFailure: RedisError?
    /// The configuration connections use: the tunnel's socket in place of a TLS endpoint.
    private let connectionConfiguration: RedisConfiguration
    private let logger: Logger

    /// Opens `configuration.poolSize` connections to `configuration.endpoint`.
    init(loop: RedisEventLoop, configuration: RedisConfiguration, logger: Logger) {
        self.endpoint = configuration.endpoint
        self.loop = loop
        self.logger = logger
        var connectionConfiguration = configuration
        var tunnel: RedisTLSTunnel?
        var unusable: RedisError?
        if let tls = configuration.tls, case .tcp(let host, let port) = configuration.endpoint {
            do {
                let created = try RedisTLSTunnel(loop: loop, host: host, port: port, options: tls, logger: logger)
                connectionConfiguration.endpoint = .unix(path: created.socketPath)
                tunnel = created
            } catch {
                unusable = error
            }
        }
        self.tunnel = tunnel
        self.connectionConfiguration = connectionConfiguration
        configurationFailure = unusable
        let connections = (0..<max(1, configuration.poolSize)).map { _ in
            RedisConnection(loop: loop, configuration: connectionConfiguration, logger: logger) { [tunnel] in tunnel?.lastFailure }
        }
        self.connections = connections
        loop.execute { [unusable, tunnel] in
            tunnel?.start()
            for connection in connections { connection.start(unusable: unusable ?? tunnel?.startFailure) }
        }
    }

    /// The shared connection the next command goes on.
    func nextConnection() -> RedisConnection {
        connections[next.wrappingAdd(1, ordering: .relaxed).oldValue % connections.count]
    }

    /// A new connection of its own, for blocking commands; the caller closes it.
    func makeConnection() -> RedisConnection {
        let connection = RedisConnection(loop: loop, configuration: connectionConfiguration, logger: logger) { [tunnel] in
            tunnel?.lastFailure
        }
        loop.execute { [configurationFailure, tunnel] in
            connection.start(unusable: configurationFailure ?? tunnel?.startFailure)
        }
        return connection
    }

    /// Sends one command on `connection` and waits for its outcome; with `asking`, `ASKING` goes first on the same
    /// connection (a cluster's ASK redirect), and its reply is not awaited separately: replies come in order.
    func send(
        _ arguments: [String], asking: Bool = false, on connection: RedisConnection, timeout: Duration
    ) async -> Result<RedisValue, RedisError> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<RedisValue, RedisError>, Never>) in
            let command = RedisCommand(arguments: arguments, timeout: timeout) { continuation.resume(returning: $0) }
            let asking = asking ? RedisCommand(arguments: ["ASKING"], timeout: timeout) { _ in } : nil
            let accepted = loop.execute {
                if let asking { connection.submit(asking) }
                connection.submit(command)
            }
            if !accepted {
                continuation.resume(returning: .failure(RedisError(.closed, command: command.name, message: "client closed")))
            }
        }
    }

    /// Closes the shared connections and the tunnel. Loop thread only.
    func close() {
        for connection in connections { connection.close() }
        tunnel?.close()
    }

    /// The first of `pools` to answer `arguments` with a reply `accept` takes, or nil when none does within `timeout`.
    ///
    /// Every pool is asked at once, so a dead node (whose connection waits out its reconnect delay) does not hold
    /// up the answer of a live one; the slower answers are dropped.
    static func firstAnswer<Answer: Sendable>(
        from pools: [RedisNodePool], to arguments: [String], timeout: Duration,
        accept: @escaping @Sendable (RedisNodePool, RedisValue) -> Answer?
    ) async -> Answer? {
        guard !pools.isEmpty else { return nil }
        let outcome = AnswerCount()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Answer?, Never>) in
            for pool in pools {
                Task {
                    let result = await pool.send(arguments, on: pool.nextConnection(), timeout: timeout)
                    let answer = (try? result.get()).flatMap { accept(pool, $0) }
                    let resume = outcome.state.withLock { state -> Bool in
                        guard !state.resumed else { return false }
                        if answer == nil {
                            state.failures += 1
                            guard state.failures == pools.count else { return false }
                        }
                        state.resumed = true
                        return true
                    }
                    if resume { continuation.resume(returning: answer) }
                }
            }
        }
    }
}

/// Whether `firstAnswer` has answered, and how many pools failed: shared by the tasks that ask.
private final class AnswerCount: Sendable {
    let state = Mutex<(resumed: Bool, failures: Int)>((false, 0))
}
