import Foundation
import TestSupport
import Testing

@testable import Redis

/// The sentinel client against the sentinel set `scripts/test` starts (master, replica, 3 sentinels).
@Suite(.serialized) struct RedisSentinelTests {
    @Test func commandsGoToTheMasterTheSentinelsName() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisSentinelURL))
        defer { client.close() }
        let key = TestServers.uniqueName()
        try await client.send("SET", key, "v")
        #expect(try await client.send("GET", key).string == "v")
        #expect(try await client.send("ROLE").array?.first?.string == "master")
    }

    @Test func aSentinelFailoverIsFollowedToTheNewMaster() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisSentinelURL))
        defer { client.close() }
        guard case .sentinel(let sentinels, let name) = client.configuration.topology, case .sentinel(let view) = client.topology else {
            Issue.record("not a sentinel configuration")
            return
        }
        let key = TestServers.uniqueName()
        try await client.send("SET", key, "before")
        let old = try #require(view.master)
        let sentinel = RedisClient(configuration: RedisConfiguration(endpoint: sentinels[0], poolSize: 1))
        defer { sentinel.close() }
        let clock = ContinuousClock()
        let started = clock.now
        try await sentinel.send("SENTINEL", "FAILOVER", name)
        // The client hears of it when the sentinels drop its connections to the demoted master, or when that
        // server refuses a write; a command in flight at that moment may fail, the ones after it must not.
        #expect(try await eventually(timeout: .seconds(8)) {
            try await client.send("SET", key, "after")
            return view.master != old
        })
        let new = try #require(view.master)
        #expect(new != old)
        // A write the demoted master took in its last moments is lost when it resyncs; this one is not.
        try await client.send("SET", key, "after")
        #expect(try await client.send("GET", key).string == "after")
        #expect(try await client.send("ROLE").array?.first?.string == "master")
        let named = try await sentinel.send("SENTINEL", "get-master-addr-by-name", name).array?.compactMap(\.string)
        if case .tcp(let host, let port) = new { #expect(named == [host, String(port)]) }
        print("sentinel failover followed in \(clock.now - started)")
    }
}
