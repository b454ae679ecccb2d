import Logging
import Synchronization

/// A Redis client over hiredis's asynchronous API, driven by libuv on its own thread.
///
/// Commands from any task are handed to the loop thread, pipelined over a small pool
/// of connections and answered through continuations, so the cooperative pool never
/// blocks. Blocking commands (`BLPOP`, `BZPOPMIN`) must use `makeBlockingConnection()`
/// so they never hold up the pooled pipelines.
public final class RedisClient: Sendable {
    private let loop: RedisEventLoop
    private let pool: [RedisConnection]
    private let next = Atomic<Int>(0)
    private let isClosed = Atomic<Bool>(false)
    /// Relays connections over TLS for `rediss://`; nil otherwise.
    private let tunnel: RedisTLSTunnel?
    /// Why no connection can ever work (a TLS configuration OpenSSL refused); nil normally.
    private let configurationFailure: RedisError?
    /// The configuration connections use: the tunnel's socket in place of a TLS endpoint.
    private let connectionConfiguration: RedisConfiguration
    /// The configuration the client was made with.
    public let configuration: RedisConfiguration
    let logger: Logger

    /// Creates the client and starts connecting; commands wait for the connection up to their timeout.
    public init(configuration: RedisConfiguration, logger: Logger = Logger(label: "aips.redis")) {
        self.configuration = configuration
        self.logger = logger
        let loop = RedisEventLoop(name: "aips-redis")
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
        let pool = (0..<max(1, configuration.poolSize)).map { _ in
            RedisConnection(loop: loop, configuration: connectionConfiguration, logger: logger) { [tunnel] in tunnel?.lastFailure }
        }
        self.loop = loop
        self.pool = pool
        // Connections open now, not in `run()`: short-lived commands and tests use a client no group runs.
        configurationFailure = unusable
        loop.execute { [unusable, tunnel] in
            tunnel?.start()
            for connection in pool { connection.start(unusable: unusable ?? tunnel?.startFailure) }
        }
    }

    deinit {
        if !isClosed.load(ordering: .acquiring) { shutdownLoop() }
    }

    /// Sends one command and waits for its reply; error replies throw `RedisError` with code `.server`.
    @discardableResult
    public func send(_ arguments: [String], timeout: Duration? = nil) async throws(RedisError) -> RedisValue {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue % pool.count
        return try await Self.send(arguments, on: pool[index], loop: loop, timeout: timeout ?? configuration.commandTimeout)
    }

    /// Sends one command given as separate arguments.
    @discardableResult
    public func send(_ command: String, _ arguments: String...) async throws(RedisError) -> RedisValue {
        try await send([command] + arguments)
    }

    /// Runs a Lua script with EVALSHA, falling back to EVAL (which caches it) when the server does not know it.
    @discardableResult
    public func run(_ script: RedisScript, keys: [String], arguments: [String]) async throws(RedisError) -> RedisValue {
        let evalsha = ["EVALSHA", script.sha1, String(keys.count)] + keys + arguments
        do {
            do {
                return try await send(evalsha)
            } catch where error.serverPrefix == "NOSCRIPT" {
                // EVAL runs and caches the script in one step, so a concurrent SCRIPT FLUSH cannot get between.
                return try await send(["EVAL", script.source, String(keys.count)] + keys + arguments)
            }
        } catch where error.code == .server {
            throw RedisError(.server, command: "script \(script.name)", message: error.message)
        }
    }

    /// A connection of its own for commands that block the server-side connection.
    public func makeBlockingConnection() -> RedisBlockingConnection {
        let connection = RedisConnection(loop: loop, configuration: connectionConfiguration, logger: logger) { [tunnel] in
            tunnel?.lastFailure
        }
        loop.execute { [configurationFailure, tunnel] in
            connection.start(unusable: configurationFailure ?? tunnel?.startFailure)
        }
        return RedisBlockingConnection(connection: connection, loop: loop, timeout: configuration.commandTimeout)
    }

    /// Closes every connection; commands still pending fail with `.closed`.
    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdownLoop()
    }

    private func shutdownLoop() {
        loop.shutdown { [pool, tunnel] in
            for connection in pool { connection.close() }
            tunnel?.close()
        }
    }

    static func send(
        _ arguments: [String], on connection: RedisConnection, loop: RedisEventLoop, timeout: Duration
    ) async throws(RedisError) -> RedisValue {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<RedisValue, RedisError>, Never>) in
            let command = RedisCommand(arguments: arguments, timeout: timeout) { continuation.resume(returning: $0) }
            let accepted = loop.execute { connection.submit(command) }
            if !accepted {
                continuation.resume(returning: .failure(RedisError(.closed, command: command.name, message: "client closed")))
            }
        }
        return try result.get()
    }
}

/// A connection reserved for blocking commands, so they never stall pipelined traffic.
public final class RedisBlockingConnection: Sendable {
    private let connection: RedisConnection
    private let loop: RedisEventLoop
    private let timeout: Duration

    init(connection: RedisConnection, loop: RedisEventLoop, timeout: Duration) {
        self.connection = connection
        self.loop = loop
        self.timeout = timeout
    }

    /// Sends a command that may block the server for up to `blockingFor` before replying.
    @discardableResult
    public func send(_ arguments: [String], blockingFor: Duration = .zero) async throws(RedisError) -> RedisValue {
        try await RedisClient.send(arguments, on: connection, loop: loop, timeout: timeout + blockingFor)
    }

    /// Closes the connection.
    public func close() {
        loop.execute { [connection] in connection.close() }
    }
}
