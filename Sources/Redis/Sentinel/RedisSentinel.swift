import Logging
import Synchronization

/// A client's view of a master that Redis Sentinel watches: which server is the master now, and its pool.
///
/// The master is asked of the sentinels (`SENTINEL get-master-addr-by-name`, every sentinel at once, the first
/// answer wins) before the first command, at most once a second while commands flow, and at once whenever the
/// master looks gone: its connection drops, cannot be opened, or it answers `READONLY`. The periodic question
/// matters: after a failover the old master keeps taking writes until the sentinels demote it (seconds later),
/// so waiting for an error would send writes to a server about to lose them. When the answer names another
/// server, commands go to a new pool there.
final class RedisSentinel: Sendable {
    typealias Endpoint = RedisConfiguration.Endpoint

    private struct State {
        var master: RedisNodePool?
        /// Pools of former masters, closed with the client: commands may still be in flight on them.
        var retired: [RedisNodePool] = []
        var refresh: Task<Void, Never>?
        /// When the sentinels last answered.
        var resolvedAt: ContinuousClock.Instant?
    }

    /// How stale the master may get while commands flow before the sentinels are asked again.
    static let recheckInterval = Duration.seconds(1)

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
        let known = state.withLock { state -> RedisNodePool? in
            if let resolvedAt = state.resolvedAt, ContinuousClock.now - resolvedAt > Self.recheckInterval {
                // The command goes to the master known now; the answer serves the commands after it.
                _ = startRefresh(&state)
            }
            return state.master
        }
        if let known { return known }
        await refreshTopology()
        if let pool = state.withLock({ $0.master }) { return pool }
        throw RedisError(.connectionFailed, message: "no sentinel of \(sentinels.count) named a master for \"\(masterName)\"")
    }

    /// Asks the sentinels for the master again; callers that arrive meanwhile wait for the same answer.
    func refreshTopology() async {
        await state.withLock { startRefresh(&$0) }.value
    }

    /// The question to the sentinels under way, asked now if none is.
    private func startRefresh(_ state: inout State) -> Task<Void, Never> {
        if let running = state.refresh { return running }
        let started = Task { await self.resolveMaster() }
        state.refresh = started
        return started
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
            guard let answer else { return nil }
            state.resolvedAt = .now
            guard answer != state.master?.endpoint else { return nil }
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
