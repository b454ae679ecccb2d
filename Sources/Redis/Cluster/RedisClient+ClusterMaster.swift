/// A cluster node's address, as `CLUSTER SLOTS` names it.
public struct RedisNodeAddress: Sendable, Hashable {
    public var host: String
    public var port: Int
}

extension RedisClient {
    /// The master serving `key`'s hash slot now, from `CLUSTER SLOTS`; nil when no range covers it.
    ///
    /// For tools that must talk to that one node (its `INFO`, its process): commands themselves are routed by
    /// the client.
    public func clusterMaster(servingKey key: String) async throws(RedisError) -> RedisNodeAddress? {
        let slot = RedisHashSlot.of(key: key)
        for range in try await send("CLUSTER", "SLOTS").array ?? [] {
            guard let fields = range.array, fields.count >= 3, let first = fields[0].int, let last = fields[1].int,
                first...last ~= slot, let node = fields[2].array, node.count >= 2, let host = node[0].string, let port = node[1].int
            else { continue }
            return RedisNodeAddress(host: host, port: port)
        }
        return nil
    }
}
