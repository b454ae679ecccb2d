import Foundation
import TestSupport
import Testing

@testable import Redis

/// The cluster client against the real cluster `scripts/test` starts (3 masters + 3 replicas): routing by slot,
/// MOVED after a slot moves, ASK during a migration, and a failover. Serialized: each test reshapes the cluster,
/// which the others (and every queue test running on it meanwhile) must ride through.
@Suite(.serialized) struct RedisClusterTests {
    let client: RedisClient

    init() throws {
        client = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisClusterURL))
    }

    @Test func commandsAreRoutedToTheMasterOfTheirSlotOnEveryMaster() async throws {
        let base = TestServers.uniqueName()
        let keys = (0..<300).map { "\(base):\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for key in keys { group.addTask { try await client.send("SET", key, key) } }
            try await group.waitForAll()
        }
        let map = try #require(slotMap(client))
        #expect(map.masters.count == 3)
        // Each master holds exactly the keys of its slots, and every master got some.
        for master in map.masters {
            let node = Self.admin(master)
            defer { node.close() }
            let mine = keys.filter { map.master(for: RedisHashSlot.of(key: $0)) == master }
            #expect(mine.count > 30, "\(master) served \(mine.count) of 300 keys")
            for key in mine.prefix(10) { #expect(try await node.send("GET", key).string == key) }
        }
        // The slot computed here is the one the server computes.
        for key in keys.prefix(20) + ["foo", "{user1000}.following", "aips:{emails}:queued"] {
            #expect(try await client.send("CLUSTER", "KEYSLOT", key).int == RedisHashSlot.of(key: key))
        }
        #expect(try await client.send("PING").string == "PONG")  // no key: any node
    }

    @Test func scriptsAndBlockingCommandsRunOnTheMasterOfTheirKeys() async throws {
        let base = TestServers.uniqueName()
        let script = RedisScript(name: "sum", source: "return redis.call('INCRBY', KEYS[1], ARGV[1]) + redis.call('INCRBY', KEYS[2], ARGV[1])")
        // Several tags, so the script runs on more than one master.
        for tag in 0..<6 {
            let keys = ["\(base):{\(tag)}:a", "\(base):{\(tag)}:b"]
            #expect(try await client.run(script, keys: keys, arguments: ["2"]).int == 4)
        }
        let blocking = client.makeBlockingConnection()
        defer { blocking.close() }
        for tag in 0..<6 {
            let key = "\(base):{\(tag)}:list"
            try await client.send("RPUSH", key, "v\(tag)")
            let popped = try await blocking.send(["BLPOP", key, "1"], blockingFor: .seconds(1))
            #expect(popped.array?.last?.string == "v\(tag)")
        }
    }

    @Test func movedIsFollowedAfterASlotMovesToAnotherMaster() async throws {
        try await ClusterReshaping.exclusively {
            let key = TestServers.uniqueName()
            try await client.send("SET", key, "before")
            let slot = RedisHashSlot.of(key: key)
            let map = try #require(slotMap(client))
            let source = try #require(map.master(for: slot))
            let target = try #require(map.masters.first { $0 != source })

            // Moved by another client, as an operator's tool would: this one's map still names the old master.
            let mover = RedisClient(configuration: client.configuration)
            defer { mover.close() }
            try await mover.migrateSlot(slot, to: try #require(Self.address(target)))
            // Its command there comes back MOVED.
            #expect(slotMap(client)?.master(for: slot) == source)
            #expect(try await client.send("GET", key).string == "before")
            #expect(slotMap(client)?.master(for: slot) == target)
            try await client.send("SET", key, "after")
            let node = Self.admin(target)
            defer { node.close() }
            #expect(try await node.send("GET", key).string == "after")
        }
    }

    @Test func askIsFollowedWhileASlotMigrates() async throws {
        try await ClusterReshaping.exclusively {
            let key = TestServers.uniqueName()
            try await client.send("SET", key + "-warm", "x")  // the map is known before the migration starts
            let slot = RedisHashSlot.of(key: key)
            let map = try #require(slotMap(client))
            let source = try #require(map.master(for: slot))
            let target = try #require(map.masters.first { $0 != source })
            let (from, to) = (Self.admin(source), Self.admin(target))
            defer { from.close(); to.close() }
            let sourceID = try #require(try await from.send("CLUSTER", "MYID").string)
            let targetID = try #require(try await to.send("CLUSTER", "MYID").string)
            try await to.send("CLUSTER", "SETSLOT", String(slot), "IMPORTING", sourceID)
            try await from.send("CLUSTER", "SETSLOT", String(slot), "MIGRATING", targetID)

            // The key is not on the old owner, which answers ASK: the client asks the importing node, once.
            try await client.send("SET", key, "during")
            #expect(try await client.send("GET", key).string == "during")
            #expect(slotMap(client)?.master(for: slot) == source, "ASK does not move the slot in the map")
            #expect(try await to.send("ASKING").string == "OK")
            #expect(try await to.send("GET", key).string == "during", "the key lives on the importing node")

            try await client.migrateSlot(slot, to: try #require(Self.address(target)))
            #expect(try await client.send("GET", key).string == "during")
        }
    }

    @Test func aFailoverIsFollowedToThePromotedReplica() async throws {
        try await ClusterReshaping.exclusively {
            let key = TestServers.uniqueName()
            try await client.send("SET", key, "before")
            let slot = RedisHashSlot.of(key: key)
            let master = try #require(slotMap(client)?.master(for: slot))
            let replica = try #require(try await Self.replica(of: master))
            let promoted = Self.admin(replica)
            defer { promoted.close() }
            let clock = ContinuousClock()
            let started = clock.now
            // A manual failover: the replica catches up, takes the slots, and the old master becomes its replica.
            try await promoted.send("CLUSTER", "FAILOVER")
            #expect(try await eventually { try await promoted.send("ROLE").array?.first?.string == "master" })
            try await client.send("SET", key, "after")
            #expect(try await client.send("GET", key).string == "after")
            #expect(try await promoted.send("GET", key).string == "after", "the write went to the new master")
            // A master that has not heard the news yet may answer a refresh with the old owner; the map converges.
            #expect(try await eventually(timeout: .seconds(5)) {
                await client.refreshTopology()
                return slotMap(client)?.master(for: slot) == replica
            })
            print("cluster failover followed in \(clock.now - started)")
        }
    }

    // MARK: Helpers

    func slotMap(_ client: RedisClient) -> RedisClusterSlotMap? {
        guard case .cluster(let cluster) = client.topology else { return nil }
        return cluster.slotMap
    }

    /// A plain client to one node, with one connection so `ASKING` and the command after it share it.
    static func admin(_ endpoint: RedisConfiguration.Endpoint) -> RedisClient {
        RedisClient(configuration: RedisConfiguration(endpoint: endpoint, poolSize: 1))
    }

    static func address(_ endpoint: RedisConfiguration.Endpoint) -> RedisNodeAddress? {
        guard case .tcp(let host, let port) = endpoint else { return nil }
        return RedisNodeAddress(host: host, port: port)
    }

    /// A replica of `master`, from `CLUSTER REPLICAS` (lines of `id host:port@bus flags …`).
    static func replica(of master: RedisConfiguration.Endpoint) async throws -> RedisConfiguration.Endpoint? {
        let node = admin(master)
        defer { node.close() }
        let id = try #require(try await node.send("CLUSTER", "MYID").string)
        let lines = try await node.send("CLUSTER", "REPLICAS", id).array?.compactMap(\.string) ?? []
        let address = lines.first?.split(separator: " ").dropFirst().first?.split(separator: "@").first
        return address.flatMap { RedisConfiguration.Endpoint(node: $0, source: master) }
    }
}
