public import Logging
import Synchronization

/// A Redis client over hiredis's asynchronous API, driven by libuv on its own thread.
///
/// Commands from any task are handed to the loop thread, pipelined over a small pool
/// of connections and answered through continuations, so the cooperative pool never
/// blocks. Blocking commands (`BLPOP`, `BZPOPMIN`) must use `makeBlockingConnection()`
/// so they never hold up the pooled pipelines.
///
/// The configuration's topology decides where commands go: to one server; to the master of
/// each key's hash slot in a Redis Cluster, following `MOVED`/`ASK` redirects, resharding and
/// failovers; or to the master Redis Sentinel names, following its failovers. Callers see the
/// same API in every case.
public final class RedisClient: Sendable {
    private let loop: RedisEventLoop
    private let router: RedisRouter
    private let isClosed = Atomic<Bool>(false)
    /// The configuration the client was made with.
    public let configuration: RedisConfiguration
    let logger: Logger

    /// Creates the client and starts connecting; commands wait for the connection up to their timeout.
    public init(configuration: RedisConfiguration, logger: Logger = Logger(label: "aips.redis")) {
        self.configuration = configuration
        self.logger = logger
        let loop = RedisEventLoop(name: "aips-redis")
        self.loop = loop
        // A single server's connections open now, not in `run()`: short-lived commands and tests use a client no
        // group runs. A cluster or sentinel client connects when its first command asks for the topology.
        switch configuration.topology {
        case .server:
            router = .server(RedisNodePool(loop: loop, configuration: configuration, logger: logger))
        case .cluster(let seeds):
            router = .cluster(RedisCluster(loop: loop, configuration: configuration, seeds: seeds, logger: logger))
        case .sentinel(let sentinels, let masterName):
            router = .sentinel(RedisSentinel(loop: loop, configuration: configuration, sentinels: sentinels, masterName: masterName, logger: logger))
        }
    }

    deinit {
        if !isClosed.load(ordering: .acquiring) { shutdownLoop() }
    }

    /// Sends one command and waits for its reply; error replies throw `RedisError` with code `.server`.
    @discardableResult
    public func send(_ arguments: [String], timeout: Duration? = nil) async throws(RedisError) -> RedisValue {
        try await router.send(arguments, timeout: timeout ?? configuration.commandTimeout) { $0.nextConnection() }
    }

    /// Sends one command given as separate arguments.
    @discardableResult
    public func send(_ command: String, _ arguments: String...) async throws(RedisError) -> RedisValue {
        try await send([command] + arguments)
    }

    /// Runs a Lua script with EVALSHA, falling back to EVAL (which caches it) when the server does not know it.
    ///
    /// On a cluster every key must be in one hash slot (hash-tag them); the script runs on that slot's master.
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
    ///
    /// On a cluster it holds one connection per node it was sent to: each blocking command goes to the master
    /// of its key's slot.
    public func makeBlockingConnection() -> RedisBlockingConnection {
        RedisBlockingConnection(router: router, loop: loop, timeout: configuration.commandTimeout)
    }

    /// Asks a cluster or the sentinels for the topology again (the client also does so by itself when redirects
    /// or failures say it changed); nothing for a single server.
    public func refreshTopology() async {
        await router.refreshTopology()
    }

    /// Closes every connection; commands still pending fail with `.closed`.
    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdownLoop()
    }

    private func shutdownLoop() {
        loop.shutdown { [router] in router.close() }
    }

    /// The topology the client routes by (tests look at the slot map or the sentinel's master).
    var topology: RedisRouter { router }
}

/// A connection reserved for blocking commands, so they never stall pipelined traffic.
public final class RedisBlockingConnection: Sendable {
    private let router: RedisRouter
    private let loop: RedisEventLoop
    private let timeout: Duration
    /// The dedicated connection made on each server's pool, by pool.
    private let connections = Mutex<[ObjectIdentifier: RedisConnection]>([:])

    init(router: RedisRouter, loop: RedisEventLoop, timeout: Duration) {
        self.router = router
        self.loop = loop
        self.timeout = timeout
    }

    /// Sends a command that may block the server for up to `blockingFor` before replying.
    @discardableResult
    public func send(_ arguments: [String], blockingFor: Duration = .zero) async throws(RedisError) -> RedisValue {
        try await router.send(arguments, timeout: timeout + blockingFor) { pool in
            connections.withLock { connections in
                if let connection = connections[ObjectIdentifier(pool)] { return connection }
                let connection = pool.makeConnection()
                connections[ObjectIdentifier(pool)] = connection
                return connection
            }
        }
    }

    /// Closes the connection (one per server on a cluster).
    public func close() {
        let open = connections.withLock { connections in
            defer { connections.removeAll() }
            return Array(connections.values)
        }
        loop.execute { for connection in open { connection.close() } }
    }
}
