import Logging
import Synchronization

/// A client's view of a Redis Cluster: the slot map and a connection pool per node, shared by all its commands.
///
/// The map is discovered with `CLUSTER SLOTS` from the first node that answers (the masters of the last map, else
/// its replicas and the seeds), patched one slot at a time by `MOVED` replies and refreshed whenever the cluster looks different
/// from what the map says (a redirect, a node that cannot be reached, `CLUSTERDOWN`). Concurrent refreshes
/// share one round trip.
final class RedisCluster: Sendable {
    typealias Endpoint = RedisConfiguration.Endpoint

    private struct State {
        var slots = RedisClusterSlotMap()
        var pools: [Endpoint: RedisNodePool] = [:]
        var refresh: Task<Void, Never>?
        /// Why the last refresh found no map, for the error commands get when there is none.
        var lastRefreshFailure: String?
    }

    private let loop: RedisEventLoop
    private let configuration: RedisConfiguration
    private let seeds: [Endpoint]
    private let logger: Logger
    private let state = Mutex(State())

    init(loop: RedisEventLoop, configuration: RedisConfiguration, seeds: [Endpoint], logger: Logger) {
        self.loop = loop
        self.configuration = configuration
        self.seeds = seeds
        self.logger = logger
    }

    /// The slot map as it stands.
    var slotMap: RedisClusterSlotMap { state.withLock(\.slots) }

    /// The pool of the master serving `slot` (any master for a command without a key), discovering the map first
    /// if there is none yet.
    func pool(for slot: Int?) async throws(RedisError) -> RedisNodePool {
        if let pool = masterPool(for: slot) { return pool }
        await refreshTopology()
        if let pool = masterPool(for: slot) { return pool }
        let reason = state.withLock { $0.lastRefreshFailure } ?? "no master serves slot \(slot.map(String.init) ?? "any")"
        throw RedisError(.connectionFailed, message: "Redis Cluster: \(reason)")
    }

    /// The pool of the node at `endpoint`, made on first use.
    func pool(at endpoint: Endpoint) -> RedisNodePool {
        state.withLock { state in
            if let pool = state.pools[endpoint] { return pool }
            var node = configuration
            node.endpoint = endpoint
            let pool = RedisNodePool(loop: loop, configuration: node, logger: logger)
            state.pools[endpoint] = pool
            return pool
        }
    }

    /// Records a `MOVED` reply: `slot` is served by `endpoint` from now on.
    func recordMoved(slot: Int, to endpoint: Endpoint) {
        state.withLock { $0.slots.assign(slot: slot, to: endpoint) }
    }

    /// Reloads the slot map; callers that arrive while a refresh runs wait for that one.
    func refreshTopology() async {
        let refresh = state.withLock { state -> Task<Void, Never> in
            if let running = state.refresh { return running }
            let started = Task { await self.reloadSlotMap() }
            state.refresh = started
            return started
        }
        await refresh.value
    }

    /// Closes every node's connections. Loop thread only.
    func close() {
        for pool in state.withLock({ Array($0.pools.values) }) { pool.close() }
    }

    private func masterPool(for slot: Int?) -> RedisNodePool? {
        let master = state.withLock { state -> Endpoint? in
            guard let slot else { return state.slots.masters.first }
            return state.slots.master(for: slot)
        }
        return master.map(pool(at:))
    }

    private func reloadSlotMap() async {
        let (masters, others) = state.withLock { state in
            (state.slots.masters, state.slots.replicas + seeds.filter { !state.slots.nodes.contains($0) })
        }
        // Masters first: they learn of a slot's move or a failover before their replicas do, so a replica's
        // answer (which could hand a moved slot back to its old owner) is taken only when no master answers.
        var map: RedisClusterSlotMap?
        for candidates in [masters, others] where !candidates.isEmpty {
            map = await slotMap(from: candidates)
            if map != nil { break }
        }
        state.withLock { state in
            if let map {
                state.slots = map
                state.lastRefreshFailure = nil
            } else {
                state.lastRefreshFailure = "no node of \(masters.count + others.count) answered CLUSTER SLOTS with a slot map"
            }
            state.refresh = nil
        }
    }

    /// The slot map the first of `nodes` to answer reports.
    private func slotMap(from nodes: [Endpoint]) async -> RedisClusterSlotMap? {
        let timeout = min(configuration.commandTimeout, .seconds(2))
        return await RedisNodePool.firstAnswer(from: nodes.map(pool(at:)), to: ["CLUSTER", "SLOTS"], timeout: timeout) { pool, reply in
            (try? RedisClusterSlotMap(clusterSlots: reply, from: pool.endpoint)).flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}
