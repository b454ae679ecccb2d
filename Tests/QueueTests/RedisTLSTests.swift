import Foundation
import Redis
import TestSupport
import Testing
@testable import Queue

/// A redis-server listening with TLS only, with a fresh self-signed certificate.
struct TLSRedisServer {
    let directory: URL
    let process: Process
    let port: Int

    var caPath: String { directory.appendingPathComponent("cert.pem").path }

    func url(host: String = "localhost", query: String) -> String {
        "rediss://:s3cret@\(host):\(port)/0?\(query)"
    }

    /// Runs `body` against a new server and always stops the server afterwards.
    static func with(_ body: (TLSRedisServer) async throws -> Void) async throws {
        let server = try await start()
        do {
            try await body(server)
        } catch {
            await ChildProcesses.stop(server.process, signal: SIGKILL)
            throw error
        }
        await ChildProcesses.stop(server.process, signal: SIGKILL)
    }

    private static func start() async throws -> TLSRedisServer {
        let directory = TestServers.temporaryDirectory.appendingPathComponent("tls-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await makeCertificate(in: directory)
        // Below Linux's ephemeral range (32768–60999), where outgoing connections take ports; a port another
        // process took between the draw and the bind makes redis-server exit, and another port is tried.
        for _ in 0..<5 {
            let port = Int.random(in: 10_000...32_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
            process.arguments = [
                "--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1",
                "--tls-cert-file", directory.appendingPathComponent("cert.pem").path,
                "--tls-key-file", directory.appendingPathComponent("key.pem").path,
                "--tls-auth-clients", "no", "--requirepass", "s3cret", "--save", "", "--dir", directory.path,
                "--logfile", directory.appendingPathComponent("redis.log").path,
            ]
            try ChildProcesses.start(process)
            let server = TLSRedisServer(directory: directory, process: process, port: port)
            let client = RedisClient(configuration: try RedisConfiguration(url: server.url(query: "tls_ca=\(server.caPath)")))
            defer { client.close() }
            for _ in 0..<200 where process.isRunning {
                if (try? await client.send(["PING"], timeout: .milliseconds(300)))?.string == "PONG" { return server }
                try await Task.sleep(for: .milliseconds(50))
            }
            await ChildProcesses.stop(process, signal: SIGKILL)
        }
        throw RedisError(.connectionFailed, message: "TLS redis-server did not come up; see \(directory.path)/redis.log")
    }

    /// A fresh self-signed certificate for localhost and 127.0.0.1: `cert.pem` (also the CA to trust) and `key.pem`.
    static func makeCertificate(in directory: URL) async throws {
        try await run("openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", directory.appendingPathComponent("key.pem").path, "-out", directory.appendingPathComponent("cert.pem").path,
        ])
    }

    static func run(_ tool: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let (status, _, errors) = try await ChildProcesses.output(of: process)
        guard status == 0 else { throw RedisError(.unsupported, message: "\(tool) failed: \(errors)") }
    }
}

/// `rediss://` against a real redis-server listening with TLS only.
@Suite struct RedisTLSTests {
    @Test func commandsScriptsAndLargeValuesTravelOverTLS() async throws {
        try await TLSRedisServer.with { server in
            let client = RedisClient(configuration: try RedisConfiguration(url: server.url(query: "tls_ca=\(server.caPath)")))
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
    }

    @Test func jobQueueWorksOverTLS() async throws {
        try await TLSRedisServer.with { server in
            let client = RedisClient(configuration: try RedisConfiguration(url: server.url(host: "127.0.0.1", query: "tls_ca=\(server.caPath)")))
            defer { client.close() }
            let queue = JobQueue(redis: client)
            let id = try await queue.enqueue(JobRequest(type: "diag.noop", queue: "tls")).id
            let job = try #require(try await queue.reserve(queue: "tls", worker: "w", lease: .seconds(5), max: 1).jobs.first)
            #expect(job.id == id)
            #expect(try await queue.complete(queue: "tls", [(id, job.leaseToken, "{}")]) == [true])
        }
    }

    @Test func untrustedCertificateIsRefusedWithTheReason() async throws {
        try await TLSRedisServer.with { server in
            var configuration = try RedisConfiguration(url: server.url(query: "tls_verify=peer"))
            configuration.commandTimeout = .seconds(2)
            let client = RedisClient(configuration: configuration)
            defer { client.close() }
            do {
                try await client.send("PING")
                Issue.record("a self-signed certificate outside the trust store must be refused")
            } catch {
                #expect("\(error)".contains("certificate verification failed"), "\(error)")
            }
        }
    }

    @Test func wrongServerNameIsRefused() async throws {
        try await TLSRedisServer.with { server in
            var configuration = try RedisConfiguration(url: server.url(query: "tls_ca=\(server.caPath)&tls_server_name=other.example"))
            configuration.commandTimeout = .seconds(2)
            let client = RedisClient(configuration: configuration)
            defer { client.close() }
            await #expect(throws: RedisError.self) { try await client.send("PING") }
        }
    }

    @Test func verificationCanBeTurnedOffExplicitly() async throws {
        try await TLSRedisServer.with { server in
            let client = RedisClient(configuration: try RedisConfiguration(url: server.url(query: "tls_verify=none")))
            defer { client.close() }
            #expect(try await client.send("PING").string == "PONG")
        }
    }

    @Test func missingCAFileFailsEveryCommandWithTheReason() async throws {
        try await TLSRedisServer.with { server in
            let client = RedisClient(configuration: try RedisConfiguration(url: server.url(query: "tls_ca=/nonexistent/ca.pem")))
            defer { client.close() }
            do {
                try await client.send("PING")
                Issue.record("a missing CA file must fail")
            } catch {
                #expect("\(error)".contains("CA file"), "\(error)")
            }
        }
    }
}
