/// Which master serves each of the 16384 hash slots, as `CLUSTER SLOTS` reports it.
///
/// A value with no I/O: the cluster client replaces it after each topology refresh and patches one slot when a
/// `MOVED` reply says where that slot went, so the commands that follow go straight to the new owner.
struct RedisClusterSlotMap: Equatable, Sendable {
    typealias Endpoint = RedisConfiguration.Endpoint

    /// The masters that serve at least one slot, in the order the reply named them.
    private(set) var masters: [Endpoint] = []
    /// The replicas the reply named: more nodes to ask when the masters cannot answer.
    private(set) var replicas: [Endpoint] = []
    /// For each slot, the index of its master in `masters`, or -1 while no master serves it.
    private var owners = [Int16](repeating: -1, count: RedisHashSlot.count)

    /// An empty map: no slot has a known owner yet.
    init() {}

    /// Reads a `CLUSTER SLOTS` reply from the node at `source`.
    ///
    /// Each entry is `[first slot, last slot, [host, port, id, …] of the master, [host, port, id, …] of each
    /// replica]`. A node that does not know its own address answers with an empty host (or `?`): it is reachable
    /// at the host the question went to.
    init(clusterSlots reply: RedisValue, from source: Endpoint) throws(RedisError) {
        guard let ranges = reply.array else {
            throw RedisError(.server, command: "CLUSTER", message: "CLUSTER SLOTS answered with something other than an array")
        }
        for range in ranges {
            guard let fields = range.array, fields.count >= 3, let first = fields[0].int, let last = fields[1].int,
                first >= 0, first <= last, last < RedisHashSlot.count,
                let master = Self.endpoint(fields[2], source: source)
            else {
                throw RedisError(.server, command: "CLUSTER", message: "CLUSTER SLOTS has an entry that is not a slot range: \(range)")
            }
            let index = self.index(of: master)
            for slot in first...last { owners[slot] = Int16(index) }
            for replica in fields.dropFirst(3).compactMap({ Self.endpoint($0, source: source) }) where !replicas.contains(replica) {
                replicas.append(replica)
            }
        }
    }

    /// Whether no slot has an owner (before discovery, or when the cluster has no slots assigned).
    var isEmpty: Bool { masters.isEmpty }

    /// The master serving `slot`, if one is known.
    func master(for slot: Int) -> Endpoint? {
        let index = owners[slot]
        return index < 0 ? nil : masters[Int(index)]
    }

    /// Records that `slot` is now served by `master` (a `MOVED` reply said so).
    mutating func assign(slot: Int, to master: Endpoint) {
        owners[slot] = Int16(index(of: master))
    }

    /// Every node worth asking for the topology: masters first, then replicas.
    var nodes: [Endpoint] { masters + replicas.filter { !masters.contains($0) } }

    private mutating func index(of master: Endpoint) -> Int {
        if let index = masters.firstIndex(of: master) { return index }
        masters.append(master)
        return masters.count - 1
    }

    private static func endpoint(_ node: RedisValue, source: Endpoint) -> Endpoint? {
        guard let fields = node.array, fields.count >= 2, let host = fields[0].string, let port = fields[1].int else { return nil }
        return .tcp(host: host.isEmpty || host == "?" ? source.host : host, port: port)
    }
}

extension RedisConfiguration.Endpoint {
    /// The host of a TCP endpoint; loopback for a unix socket (which a cluster never announces).
    var host: String {
        if case .tcp(let host, _) = self { return host }
        return "127.0.0.1"
    }

    /// Reads `host:port`, `[v6]:port` or `:port` (the host of `source`), as MOVED and ASK replies write a node.
    init?(node: some StringProtocol, source: Self) {
        guard let colon = node.lastIndex(of: ":"), let port = Int(node[node.index(after: colon)...]) else { return nil }
        var host = String(node[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self = .tcp(host: host.isEmpty ? source.host : host, port: port)
    }
}
