import Testing

@testable import Redis

/// Cluster and sentinel URLs, read into a topology with the usual credentials, database and options.
@Suite struct RedisConfigurationTopologyTests {
    @Test func aClusterURLListsItsSeeds() throws {
        let configuration = try RedisConfiguration(url: "redis-cluster://user:s%40cret@10.0.0.1:7000,10.0.0.2:7001,node3?timeout=2")
        #expect(configuration.topology == .cluster(seeds: [
            .tcp(host: "10.0.0.1", port: 7000), .tcp(host: "10.0.0.2", port: 7001), .tcp(host: "node3", port: 6379),
        ]))
        #expect(configuration.endpoint == .tcp(host: "10.0.0.1", port: 7000))
        #expect(configuration.username == "user" && configuration.password == "s@cret")
        #expect(configuration.commandTimeout == .seconds(2))
        #expect(configuration.tls == nil)
        #expect(try RedisConfiguration(url: "rediss-cluster://[::1]:7000,h:7001?tls_verify=none").tls?.verifyPeer == false)
        #expect(try RedisConfiguration(url: "rediss-cluster://[::1]:7000").endpoint == .tcp(host: "::1", port: 7000))
    }

    @Test func aSentinelURLNamesItsMaster() throws {
        let configuration = try RedisConfiguration(url: "redis-sentinel://:pw@s1:26380,s2/mymaster?db=2")
        #expect(configuration.topology == .sentinel(sentinels: [.tcp(host: "s1", port: 26380), .tcp(host: "s2", port: 26379)], masterName: "mymaster"))
        #expect(configuration.database == 2 && configuration.password == "pw")
    }

    @Test func refusesClusterAndSentinelURLsThatCannotWork() {
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis-sentinel://s1:26379") }  // no master name
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis-cluster://a:1/3") }  // a cluster has db 0 only
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "http-cluster://a:1") }
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis-cluster://") }
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis-cluster://a:port") }
    }

    @Test func redactsClusterPasswords() {
        #expect(RedisConfiguration.redacted("redis-cluster://u:secret@a:1,b:2?password=x&timeout=1")
            == "redis-cluster://u:***@a:1,b:2?password=***&timeout=1")
        #expect(RedisConfiguration.redacted("redis-sentinel://a:1,b:2/m") == "redis-sentinel://a:1,b:2/m")
    }
}
