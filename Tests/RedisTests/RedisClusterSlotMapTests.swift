import Testing

@testable import Redis

/// The slot map read from `CLUSTER SLOTS` and patched by `MOVED`, with no server.
@Suite struct RedisClusterSlotMapTests {
    static func node(_ host: String, _ port: Int, _ id: String) -> RedisValue {
        .array([.bulk(Array(host.utf8)), .integer(port), .bulk(Array(id.utf8))])
    }

    /// Three masters with a replica each, as Redis 7 answers for `redis-cli --cluster create` on loopback.
    static let reply = RedisValue.array([
        .array([.integer(0), .integer(5460), node("127.0.0.1", 7000, "a"), node("127.0.0.1", 7004, "d")]),
        .array([.integer(5461), .integer(10922), node("127.0.0.1", 7001, "b"), node("127.0.0.1", 7005, "e")]),
        .array([.integer(10923), .integer(16383), node("", 7002, "c"), node("127.0.0.1", 7003, "f")]),
    ])

    @Test func readsEveryRangeAndItsMaster() throws {
        let map = try RedisClusterSlotMap(clusterSlots: Self.reply, from: .tcp(host: "10.0.0.9", port: 7000))
        #expect(map.master(for: 0) == .tcp(host: "127.0.0.1", port: 7000))
        #expect(map.master(for: 5460) == .tcp(host: "127.0.0.1", port: 7000))
        #expect(map.master(for: 5461) == .tcp(host: "127.0.0.1", port: 7001))
        // A node that does not know its own host is reachable where the question went.
        #expect(map.master(for: 16383) == .tcp(host: "10.0.0.9", port: 7002))
        #expect(map.masters.count == 3)
        #expect(map.nodes.count == 6)
    }

    @Test func aMovedReplyReassignsOneSlot() throws {
        var map = try RedisClusterSlotMap(clusterSlots: Self.reply, from: .tcp(host: "127.0.0.1", port: 7000))
        map.assign(slot: 42, to: .tcp(host: "127.0.0.1", port: 7001))
        #expect(map.master(for: 42) == .tcp(host: "127.0.0.1", port: 7001))
        #expect(map.master(for: 41) == .tcp(host: "127.0.0.1", port: 7000))
        // A node the map did not know becomes a master.
        map.assign(slot: 43, to: .tcp(host: "127.0.0.1", port: 7009))
        #expect(map.master(for: 43) == .tcp(host: "127.0.0.1", port: 7009))
        #expect(map.masters.count == 4)
    }

    @Test func slotsNoMasterServesHaveNone() throws {
        let partial = RedisValue.array([.array([.integer(0), .integer(99), Self.node("127.0.0.1", 7000, "a")])])
        let map = try RedisClusterSlotMap(clusterSlots: partial, from: .tcp(host: "127.0.0.1", port: 7000))
        #expect(map.master(for: 99) != nil)
        #expect(map.master(for: 100) == nil)
        #expect(RedisClusterSlotMap().isEmpty)
    }

    @Test func refusesAReplyThatIsNotASlotMap() {
        #expect(throws: RedisError.self) { try RedisClusterSlotMap(clusterSlots: .status("OK"), from: .tcp(host: "h", port: 1)) }
        let backwards = RedisValue.array([.array([.integer(9), .integer(1), Self.node("h", 1, "a")])])
        #expect(throws: RedisError.self) { try RedisClusterSlotMap(clusterSlots: backwards, from: .tcp(host: "h", port: 1)) }
    }
}
