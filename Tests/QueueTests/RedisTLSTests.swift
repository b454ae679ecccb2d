import Foundation
import Testing
import TestSupport
@testable import Queue

/// `rediss://` against a real redis-server listening with TLS only.
@Suite(.serialized) final class RedisTLSTests {
    let directory: URL
    let server: Process
    let port: Int

    init() async throws {
        directory = TestServers.temporaryDirectory.appendingPathComponent("tls-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await Self.run("openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", directory.appendingPathComponent("key.pem").path, "-out", directory.appendingPathComponent("cert.pem").path,
        ])
        port = Int.random(in: 20_000...40_000)
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        server.arguments = [
            "--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1",
            "--tls-cert-file", directory.appendingPathComponent("cert.pem").path,
            "--tls-key-file", directory.appendingPathComponent("key.pem").path,
            "--tls-auth-clients", "no", "--requirepass", "s3cret", "--save", "", "--dir", directory.path,
            "--logfile", directory.appendingPathComponent("redis.log").path,
        ]
        try ChildProcesses.start(server)
        let client = RedisClient(configuration: try RedisConfiguration(url: url(query: "tls_ca=\(caPath)")))
        defer { client.close() }
        for _ in 0..<100 {
            if (try? await client.send(["PING"], timeout: .milliseconds(300)))?.string == "PONG" { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RedisError(.connectionFailed, message: "TLS redis-server did not come up; see \(directory.path)/redis.log")
    }

    deinit {
        // SIGKILL: a child spawned from a concurrency thread inherits its blocked SIGTERM.
        kill(server.processIdentifier, SIGKILL)
    }

    var caPath: String { directory.appendingPathComponent("cert.pem").path }

    func url(host: String = "localhost", query: String) -> String {
        "rediss://:s3cret@\(host):\(port)/0?\(query)"
    }

    static func run(_ tool: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let (status, _, errors) = try await ChildProcesses.output(of: process)
        guard status == 0 else { throw RedisError(.unsupported, message: "\(tool) failed: \(errors)") }
    }

    @Test func commandsScriptsAndLargeValuesTravelOverTLS() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: url(query: "tls_ca=\(caPath)")))
        defer { client.close() }
        let big = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB
        try await client.send("SET", "big", big)
        #expect(try await client.send("GET", "big").string == big)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2_000 { group.addTask { try await client.send("INCR", "counter") } }
            try await group.waitForAll()
        }
        #expect(try await client.send("GET", "counter").int == 2_000)
        let script = RedisScript(name: "tls-echo", source: "return ARGV[1]")
        #expect(try await client.run(script, keys: [], arguments: ["over tls"]).string == "over tls")
    }

    @Test func jobQueueWorksOverTLS() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: url(host: "127.0.0.1", query: "tls_ca=\(caPath)")))
        defer { client.close() }
        let queue = JobQueue(redis: client)
        let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: "tls")).id
        let job = try #require(try await queue.reserve(queue: "tls", worker: "w", lease: .seconds(5), max: 1).jobs.first)
        #expect(job.id == id)
        #expect(try await queue.complete(queue: "tls", [(id, job.leaseToken, "{}")]) == [true])
    }

    @Test func untrustedCertificateIsRefusedWithTheReason() async throws {
        var configuration = try RedisConfiguration(url: url(query: "tls_verify=peer"))
        configuration.commandTimeout = .seconds(2)
        let client = RedisClient(configuration: configuration)
        defer { client.close() }
        do {
            try await client.send("PING")
            Issue.record("a self-signed certificate outside the trust store must be refused")
        } catch {
            #expect(error.message.contains("certificate verification failed"), "\(error)")
        }
    }

    @Test func wrongServerNameIsRefused() async throws {
        var configuration = try RedisConfiguration(url: url(query: "tls_ca=\(caPath)&tls_server_name=other.example"))
        configuration.commandTimeout = .seconds(2)
        let client = RedisClient(configuration: configuration)
        defer { client.close() }
        await #expect(throws: RedisError.self) { try await client.send("PING") }
    }

    @Test func verificationCanBeTurnedOffExplicitly() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: url(query: "tls_verify=none")))
        defer { client.close() }
        #expect(try await client.send("PING").string == "PONG")
    }

    @Test func missingCAFileFailsEveryCommandWithTheReason() async throws {
        let client = RedisClient(configuration: try RedisConfiguration(url: url(query: "tls_ca=/nonexistent/ca.pem")))
        defer { client.close() }
        do {
            try await client.send("PING")
            Issue.record("a missing CA file must fail")
        } catch {
            #expect(error.message.contains("CA file"), "\(error)")
        }
    }
}
