public import Foundation
public import Logging
import Redis

/// A private `redis-server` for development: AOF on, data and a unix socket under one
/// directory, no TCP port. Started by `aips dev` when no `REDIS_URL` is set.
public final class EmbeddedRedis: Sendable {
    /// Where the data, socket and log live.
    public let directory: URL
    private let process: Process
    private let logger: Logger

    /// The URL clients use: a unix socket inside `directory`.
    public var url: String { "unix://" + socketPath }
    private var socketPath: String { directory.appendingPathComponent("redis.sock").path }

    /// Starts redis-server and waits until it answers PING.
    public init(directory: URL, executable: String = "redis-server", logger: Logger = Logger(label: "aips.embedded-redis")) async throws {
        self.directory = directory.standardizedFileURL
        self.logger = logger
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let socket = self.directory.appendingPathComponent("redis.sock").path
        guard socket.utf8.count < 100 else {
            throw RedisError(.unsupported, message: "unix socket path too long (\(socket.utf8.count) bytes): \(socket)")
        }
        try? FileManager.default.removeItem(atPath: socket)
        let process = Process()
        process.executableURL = try Self.locate(executable)
        process.arguments = [
            "--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--dir", self.directory.path,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
            "--logfile", self.directory.appendingPathComponent("redis.log").path,
        ]
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: socket) && process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let client = RedisClient(configuration: try RedisConfiguration(url: "unix://" + socket))
        defer { client.close() }
        while true {
            if (try? await client.send(["PING"], timeout: .milliseconds(200)))?.string == "PONG" { break }
            guard process.isRunning, ContinuousClock.now < deadline else {
                // Only a live child: an exited one's pid may already belong to another process.
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                throw RedisError(.connectionFailed, message: "embedded redis-server did not start; see \(self.directory.path)/redis.log")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        logger.info("embedded redis-server running", metadata: ["socket": "\(socket)", "pid": "\(process.processIdentifier)"])
    }

    /// Stops the server with SHUTDOWN, which flushes the append-only file first.
    ///
    /// SHUTDOWN rather than SIGTERM: a child started from a Swift concurrency thread
    /// inherits that thread's blocked signals, and redis-server does not unblock them.
    public func stop() async {
        guard process.isRunning else { return }
        if let client = try? RedisClient(configuration: RedisConfiguration(url: url)) {
            _ = try? await client.send(["SHUTDOWN"], timeout: .seconds(10))
            client.close()
        }
        let deadline = ContinuousClock.now + .seconds(10)
        // Stopping is often part of a cancelled task's clean-up, where a plain sleep returns at once and this would spin.
        while process.isRunning && ContinuousClock.now < deadline { await Task { try? await Task.sleep(for: .milliseconds(20)) }.value }
        if process.isRunning {
            logger.warning("embedded redis-server ignored SHUTDOWN; killing it")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    private static func locate(_ executable: String) throws -> URL {
        if executable.contains("/") { return URL(fileURLWithPath: executable) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(executable)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw RedisError(.unsupported, message: "\(executable) not found on PATH (apt install redis-server)")
    }
}
