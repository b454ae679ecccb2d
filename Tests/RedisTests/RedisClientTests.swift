import Foundation
import TestSupport
import Testing
@testable import Redis

@Suite struct RedisClientTests {
    let client: RedisClient

    init() throws {
        client = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
    }

    @Test func setAndGetRoundTripBinarySafeValues() async throws {
        let key = TestServers.uniqueName()
        let value = "a\u{0}b ünïcode \"quoted\" \r\n"
        try await client.send("SET", key, value)
        let reply = try await client.send("GET", key)
        #expect(reply.string == value)
        #expect(try await client.send("GET", key + "-missing").isNull)
    }

    @Test func manyConcurrentCommandsPipelineAndAllAnswer() async throws {
        let key = TestServers.uniqueName()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5_000 {
                group.addTask { try await client.send("INCR", key) }
            }
            try await group.waitForAll()
        }
        #expect(try await client.send("GET", key).int == 5_000)
    }

    @Test func errorRepliesThrowTypedErrorsNamingTheCommand() async throws {
        let key = TestServers.uniqueName()
        try await client.send("SET", key, "text")
        do {
            try await client.send("LPUSH", key, "x")
            Issue.record("LPUSH on a string must fail")
        } catch {
            #expect(error.code == .server)
            #expect(error.command == "LPUSH")
            #expect(error.serverPrefix == "WRONGTYPE")
        }
    }

    @Test func scriptsLoadOnceAndReloadAfterScriptFlush() async throws {
        let script = RedisScript(name: "echo", source: "return {KEYS[1], ARGV[1], '\(UUID().uuidString)'}")
        let first = try await client.run(script, keys: ["k"], arguments: ["v"])
        #expect(first.array?.prefix(2).map(\.string) == ["k", "v"])
        try await client.send("SCRIPT", "FLUSH")
        let second = try await client.run(script, keys: ["k2"], arguments: ["v2"])
        #expect(second.array?.first?.string == "k2")
    }

    @Test func scriptErrorsNameTheScript() async throws {
        let script = RedisScript(name: "broken", source: "return redis.call('NOPE')")
        await #expect(throws: RedisError.self) { try await client.run(script, keys: [], arguments: []) }
        do { try await client.run(script, keys: [], arguments: []) } catch {
            #expect(error.command == "script broken")
        }
    }

    @Test func reconnectsAfterTheServerDropsTheConnection() async throws {
        var configuration = try RedisConfiguration(url: TestServers.redisURL)
        configuration.poolSize = 1
        let victim = RedisClient(configuration: configuration)
        defer { victim.close() }
        let id = try #require(try await victim.send("CLIENT", "ID").int)
        try await client.send("CLIENT", "KILL", "ID", String(id))
        var answered = false
        for _ in 0..<50 where !answered {
            answered = (try? await victim.send("PING"))?.string == "PONG"
            if !answered { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(answered)
    }

    @Test func unreachableServerFailsWithConnectionErrorNotAHang() async throws {
        var configuration = try RedisConfiguration(url: "redis://127.0.0.1:1/0")
        configuration.commandTimeout = .milliseconds(300)
        let unreachable = RedisClient(configuration: configuration)
        defer { unreachable.close() }
        do {
            try await unreachable.send("PING")
            Issue.record("PING to a closed port must fail")
        } catch {
            #expect(error.code == .connectionFailed || error.code == .timeout)
        }
    }

    @Test func blockedCommandsUseTheirOwnConnection() async throws {
        let key = TestServers.uniqueName()
        let blocking = client.makeBlockingConnection()
        defer { blocking.close() }
        // BLPOP returns as soon as the push lands; its bound only has to outlast a busy first test phase.
        async let popped = blocking.send(["BLPOP", key, "15"], blockingFor: .seconds(15))
        try await Task.sleep(for: .milliseconds(50))
        // The pool keeps answering while BLPOP waits.
        #expect(try await client.send("PING").string == "PONG")
        try await client.send("RPUSH", key, "woken")
        #expect(try await popped.array?.last?.string == "woken")
    }

    @Test func closedClientRefusesCommands() async throws {
        let closing = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        try await closing.send("PING")
        closing.close()
        await #expect(throws: RedisError.self) { try await closing.send("PING") }
    }
}

@Suite struct RedisConfigurationTests {
    @Test func parsesPasswordDatabaseAndHost() throws {
        let configuration = try RedisConfiguration(url: "redis://user:s%40cret@cache.internal:6380/3?timeout=2.5")
        #expect(configuration.endpoint == .tcp(host: "cache.internal", port: 6380))
        #expect(configuration.username == "user")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == 3)
        #expect(configuration.commandTimeout == .milliseconds(2500))
    }

    @Test func parsesUnixSockets() throws {
        let configuration = try RedisConfiguration(url: "unix:///run/redis.sock?db=2&password=pw")
        #expect(configuration.endpoint == .unix(path: "/run/redis.sock"))
        #expect(configuration.database == 2)
        #expect(configuration.password == "pw")
    }

    @Test func refusesBadURLsWithAReason() {
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "http://x") }
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis://host/notanumber") }
        #expect(throws: RedisError.self) { try RedisConfiguration(url: "rediss://host?tls_verify=maybe") }
        let tls = try? RedisConfiguration(url: "rediss://host:6380?tls_ca=/ca.pem&tls_server_name=redis.internal")
        #expect(tls?.tls == .init(caFile: "/ca.pem", serverName: "redis.internal"))
        #expect(tls?.endpoint == .tcp(host: "host", port: 6380))
    }

    @Test func redactsPasswords() {
        #expect(!RedisConfiguration.redacted("redis://u:hunter2@h:1/0").contains("hunter2"))
        #expect(!RedisConfiguration.redacted("unix:///s?password=hunter2").contains("hunter2"))
    }
}
