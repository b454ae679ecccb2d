/// Where a client's commands go: one server, the master of each key's slot in a cluster, or the master the
/// sentinels name. It sends a command there and, for a cluster or sentinel, follows redirects and failovers as
/// `RedisRedirectStateMachine` decides.
enum RedisRouter: Sendable {
    case server(RedisNodePool)
    case cluster(RedisCluster)
    case sentinel(RedisSentinel)

    /// Sends `arguments` where they belong, on the connection `connection` picks from that server's pool.
    func send(
        _ arguments: [String], timeout: Duration, connection: (RedisNodePool) -> RedisConnection
    ) async throws(RedisError) -> RedisValue {
        if case .server(let pool) = self {
            return try await pool.send(arguments, on: connection(pool), timeout: timeout).get()
        }
        let clock = ContinuousClock()
        let start = clock.now
        let slot = RedisHashSlot.of(command: arguments)
        var machine = RedisRedirectStateMachine(timeout: timeout)
        var redirect: (pool: RedisNodePool, asking: Bool)?
        var lastOutcome: Result<RedisValue, RedisError>?
        while true {
            // The first attempt has the whole timeout, measured on the loop thread as for a single server: time
            // spent here waiting for a cooperative thread (a busy process) or for discovery is not the server's.
            // So does a redirect (at most `maximumRedirects` of them). Retries get what is left; none starts with
            // nothing left.
            let remaining = lastOutcome == nil || redirect != nil ? timeout : timeout - (clock.now - start)
            if let lastOutcome, remaining <= .zero { return try lastOutcome.get() }
            var node: RedisNodePool?
            let outcome: Result<RedisValue, RedisError>
            do throws(RedisError) {
                let pool: RedisNodePool
                if let redirected = redirect?.pool { pool = redirected } else { pool = try await self.pool(for: slot) }
                node = pool
                outcome = await pool.send(arguments, asking: redirect?.asking ?? false, on: connection(pool), timeout: remaining)
            } catch {
                outcome = .failure(error)
            }
            redirect = nil
            lastOutcome = outcome
            switch machine.decide(outcome, from: node?.endpoint, elapsed: clock.now - start) {
            case .deliver:
                return try outcome.get()
            case .deliverAndRefresh:
                // The caller hears at once; the commands after it find the new topology.
                Task { await refreshTopology() }
                return try outcome.get()
            case .moved(let slot, let endpoint):
                guard case .cluster(let cluster) = self else { return try outcome.get() }
                cluster.recordMoved(slot: slot, to: endpoint)
                redirect = (cluster.pool(at: endpoint), false)
                // One slot moved usually means a resharding: learn the rest of it in one go.
                Task { await refreshTopology() }
            case .ask(let endpoint):
                guard case .cluster(let cluster) = self else { return try outcome.get() }
                redirect = (cluster.pool(at: endpoint), true)
            case .retry(let delay, let refresh):
                try? await Task.sleep(for: delay)
                if refresh { await refreshTopology() }
            }
        }
    }

    /// The pool serving `slot` now.
    private func pool(for slot: Int?) async throws(RedisError) -> RedisNodePool {
        switch self {
        case .server(let pool): pool
        case .cluster(let cluster): try await cluster.pool(for: slot)
        case .sentinel(let sentinel): try await sentinel.masterPool()
        }
    }

    /// Asks the cluster or the sentinels for the topology again.
    func refreshTopology() async {
        switch self {
        case .server: break
        case .cluster(let cluster): await cluster.refreshTopology()
        case .sentinel(let sentinel): await sentinel.refreshTopology()
        }
    }

    /// Closes every connection. Loop thread only.
    func close() {
        switch self {
        case .server(let pool): pool.close()
        case .cluster(let cluster): cluster.close()
        case .sentinel(let sentinel): sentinel.close()
        }
    }
}
