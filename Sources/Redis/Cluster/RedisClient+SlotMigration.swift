extension RedisClient {
    /// Moves hash slot `slot` and its keys to the master at `target`, as `redis-cli --cluster reshard` moves one
    /// slot: `IMPORTING` on the target, `MIGRATING` on the owner, the keys in batches with `MIGRATE`, then
    /// `SETSLOT … NODE` on the target, the old owner and every other master, in the order the cluster
    /// specification gives. Does nothing when `target` already owns the slot.
    ///
    /// Safe to run again after an interruption: a slot left importing or migrating is carried on to `target`.
    /// Plain commands are routed correctly throughout (the nodes answer `ASK` and `TRYAGAIN`). Lua scripts are not:
    /// Redis checks only a script's declared keys, so a script that builds key names must refuse to run while its
    /// slot moves (the queue's scripts do, see `RedisQueueBackend.moveQueue`).
    public func migrateSlot(_ slot: Int, to target: RedisNodeAddress) async throws(RedisError) {
        guard case .cluster(let cluster) = topology else {
            throw RedisError(.unsupported, message: "moving a slot needs a Redis Cluster (a redis-cluster:// URL)")
        }
        guard (0..<RedisHashSlot.count).contains(slot) else { throw RedisError(.unsupported, message: "no hash slot \(slot)") }
        await refreshTopology()
        let map = cluster.slotMap
        let destination = RedisConfiguration.Endpoint.tcp(host: target.host, port: target.port)
        guard map.masters.contains(destination) else {
            throw RedisError(.unsupported, message: "\(target.host):\(target.port) is not a master of this cluster")
        }
        guard let owner = map.master(for: slot) else { throw RedisError(.server, message: "no master serves slot \(slot)") }
        if owner == destination { return }

        let (from, to) = (nodeClient(owner), nodeClient(destination))
        defer { from.close(); to.close() }
        let ownerID = try await nodeID(from)
        let targetID = try await nodeID(to)
        try await to.send("CLUSTER", "SETSLOT", String(slot), "IMPORTING", ownerID)
        try await from.send("CLUSTER", "SETSLOT", String(slot), "MIGRATING", targetID)
        var migrate = ["MIGRATE", target.host, String(target.port), "", "0", "5000"]
        if let password = configuration.password {
            migrate += configuration.username.map { ["AUTH2", $0, password] } ?? ["AUTH", password]
        }
        while true {
            let keys = try await from.send("CLUSTER", "GETKEYSINSLOT", String(slot), "1000").array?.compactMap(\.string) ?? []
            if keys.isEmpty { break }
            try await from.send(migrate + ["KEYS"] + keys)
        }
        for master in [destination, owner] + map.masters.filter({ $0 != owner && $0 != destination }) {
            let node = nodeClient(master)
            defer { node.close() }
            try await node.send("CLUSTER", "SETSLOT", String(slot), "NODE", targetID)
        }
        await refreshTopology()
    }

    /// A client to the one cluster node at `address` (its `INFO`, `CLUSTER` commands), with this client's
    /// credentials and TLS; the caller closes it.
    public func nodeClient(_ address: RedisNodeAddress) -> RedisClient {
        nodeClient(.tcp(host: address.host, port: address.port))
    }

    /// A client to the one node at `endpoint`, with this client's credentials and TLS, one connection (so `ASKING`
    /// and the command after it share it).
    func nodeClient(_ endpoint: RedisConfiguration.Endpoint) -> RedisClient {
        var node = configuration
        node.endpoint = endpoint
        node.topology = .server
        node.poolSize = 1
        return RedisClient(configuration: node, logger: logger)
    }

    private func nodeID(_ node: RedisClient) async throws(RedisError) -> String {
        guard let id = try await node.send("CLUSTER", "MYID").string else {
            throw RedisError(.server, message: "CLUSTER MYID returned no id")
        }
        return id
    }
}
