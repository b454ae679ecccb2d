import Logging
import Synchronization

/// A client's view of a master that Redis Sentinel watches: which server is the master now, and its pool.
///
/// The master is asked of the sentinels (`SENTINEL get-master-addr-by-name`, every sentinel at once, the first
/// answer wins) before the first command and again whenever the master looks gone: its connection drops (a
/// sentinel kills clients of a demoted master), cannot be opened, or it answers `READONLY`. When the answer
/// names another server, commands go to a new pool there.
final class RedisSentinel: Sendable {
    typealias Endpoint = RedisConfiguration.Endpoint

    private struct State {
        var master: RedisNodePool?
        /// Pools of former masters, closed with the client: commands may still be in flight on them.
        var retired: [RedisNodePool] = []
        var refresh: Task<Void, Never>?
    }

    private let loop: RedisEventLoop
    private let configuration: RedisConfiguration
    private let masterName: String
    private let sentinels: [RedisNodePool]
    private let logger: Logger
    private let state = Mutex(State())

    init(loop: RedisEventLoop, configuration: RedisConfiguration, sentinels: [Endpoint], masterName: String, logger: Logger) {
        self.loop = loop
        self.configuration = configuration
        self.masterName = masterName
        self.logger = logger
        // Sentinels take no database and (here) no password; one connection each is plenty for a rare question.
        self.sentinels = sentinels.map { endpoint in
            var sentinel = RedisConfiguration(endpoint: endpoint, poolSize: 1, commandTimeout: configuration.commandTimeout)
            sentinel.tls = configuration.tls
            return RedisNodePool(loop: loop, configuration: sentinel, logger: logger)
        }
    }

    /// The master's address as last resolved.
    var master: Endpoint? { state.withLock { $0.master?.endpoint } }

    /// The pool of the current master, asking the sentinels first if none is known yet.
    func masterPool() async throws(RedisError) -> RedisNodePool {
        if let pool = state.withLock({ $0.master }) { return pool }
        await refreshTopology()
        if let pool = state.withLock({ $0.master }) { return pool }
        throw RedisError(.connectionFailed, message: "no sentinel of \(sentinels.count) named a master for \"\(masterName)\"")
    }

    /// Asks the sentinels for the master again; callers that arrive meanwhile wait for the same answer.
    func refreshTopology() async {
        let refresh = state.withLock { state -> Task<Void, Never> in
            if let running = state.refresh { return running }
            let started = Task { await self.resolveMaster() }
            state.refresh = started
            return started
        }
        await refresh.value
    }

    /// Closes the master's connections, old and new, and the sentinels'. Loop thread only.
    func close() {
        let pools = state.withLock { state in state.retired + (state.master.map { [$0] } ?? []) }
        for pool in pools + sentinels { pool.close() }
    }

    private func resolveMaster() async {
        let timeout = min(configuration.commandTimeout, .seconds(2))
        let answer = await RedisNodePool.firstAnswer(
            from: sentinels, to: ["SENTINEL", "get-master-addr-by-name", masterName], timeout: timeout
        ) { sentinel, reply -> Endpoint? in
            guard let fields = reply.array, fields.count == 2, let host = fields[0].string, let port = fields[1].int else { return nil }
            return .tcp(host: host, port: port)
        }
        let changed = state.withLock { state -> (from: Endpoint?, to: Endpoint)? in
            defer { state.refresh = nil }
            guard let answer, answer != state.master?.endpoint else { return nil }
            var master = configuration
            master.endpoint = answer
            let previous = state.master
            if let previous { state.retired.append(previous) }
            state.master = RedisNodePool(loop: loop, configuration: master, logger: logger)
            return (previous?.endpoint, answer)
        }
        if let changed {
            logger.info("redis sentinel master", metadata: ["master": "\(masterName)", "from": "\(changed.from.map { "\($0)" } ?? "-")", "to": "\(changed.to)"])
        }
    }
}
