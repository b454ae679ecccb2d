/// A cluster node's address, as `CLUSTER SLOTS` names it.
public struct RedisNodeAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `host:port` (the last colon splits, so an IPv6 host may keep its own).
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
        else { return nil }
        var host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { return nil }
        self.init(host: String(host), port: port)
    }

    public var description: String { "\(host):\(port)" }
}

extension RedisClient {
    /// The master serving `key`'s hash slot now, from `CLUSTER SLOTS`; nil when no range covers it.
    ///
    /// For tools that must talk to that one node (its `INFO`, its process): commands themselves are routed by
    /// the client.
    public func clusterMaster(servingKey key: String) async throws(RedisError) -> RedisNodeAddress? {
        let slot = RedisHashSlot.of(key: key)
        return try await clusterSlotRanges().first { $0.slots ~= slot }?.master
    }

    /// Every master that serves slots now, in the order `CLUSTER SLOTS` lists them.
    public func clusterMasters() async throws(RedisError) -> [RedisNodeAddress] {
        var masters: [RedisNodeAddress] = []
        for range in try await clusterSlotRanges() where !masters.contains(range.master) { masters.append(range.master) }
        return masters
    }

    private func clusterSlotRanges() async throws(RedisError) -> [(slots: ClosedRange<Int>, master: RedisNodeAddress)] {
        try await send("CLUSTER", "SLOTS").array?.compactMap { range in
            guard let fields = range.array, fields.count >= 3, let first = fields[0].int, let last = fields[1].int, first <= last,
                let node = fields[2].array, node.count >= 2, let host = node[0].string, let port = node[1].int
            else { return nil }
            return (first...last, RedisNodeAddress(host: host, port: port))
        } ?? []
    }
}
