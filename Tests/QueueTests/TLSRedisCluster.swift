import Foundation
import Redis
import TestSupport

/// Three redis-server masters in a Redis Cluster that speaks TLS only, to clients and on its bus, with a password
/// (so `MIGRATE` between nodes must authenticate) and a fresh self-signed certificate.
struct TLSRedisCluster {
    let directory: URL
    let processes: [Process]
    let ports: [Int]

    var caPath: String { directory.appendingPathComponent("cert.pem").path }

    /// `rediss-cluster://` with every node as a seed.
    var url: String {
        "rediss-cluster://:s3cret@" + ports.map { "127.0.0.1:\($0)" }.joined(separator: ",") + "?tls_ca=\(caPath)"
    }

    /// Runs `body` against a new cluster and always stops it afterwards.
    static func with(_ body: (TLSRedisCluster) async throws -> Void) async throws {
        let cluster = try await start()
        try await withCleanup({ try await body(cluster) }, cleanup: cluster.stop)
    }

    private func stop() async {
        for process in processes { await ChildProcesses.stop(process, signal: SIGKILL) }
    }

    private static func start() async throws -> TLSRedisCluster {
        let directory = TestServers.temporaryDirectory.appendingPathComponent("tls-cluster-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await TLSRedisServer.makeCertificate(in: directory)
        // Ports below 22,000, so the bus ports (+10,000) stay below Linux's ephemeral range too.
        var ports: [Int] = []
        while ports.count < 3 {
            let port = Int.random(in: 10_000...22_000)
            if !ports.contains(where: { abs($0 - port) < 2 }) { ports.append(port) }
        }
        var processes: [Process] = []
        for port in ports {
            let node = directory.appendingPathComponent(String(port))
            try FileManager.default.createDirectory(at: node, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
            process.arguments = [
                "--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1", "--tls-cluster", "yes",
                "--tls-cert-file", directory.appendingPathComponent("cert.pem").path,
                "--tls-key-file", directory.appendingPathComponent("key.pem").path,
                "--tls-ca-cert-file", directory.appendingPathComponent("cert.pem").path, "--tls-auth-clients", "no",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
                "--requirepass", "s3cret", "--masterauth", "s3cret", "--save", "", "--dir", node.path,
                "--logfile", node.appendingPathComponent("redis.log").path,
            ]
            try ChildProcesses.start(process)
            processes.append(process)
        }
        let cluster = TLSRedisCluster(directory: directory, processes: processes, ports: ports)
        do {
            for port in ports {
                let node = RedisClient(configuration: try RedisConfiguration(url: "rediss://:s3cret@127.0.0.1:\(port)?tls_ca=\(cluster.caPath)"))
                defer { node.close() }
                var up = false
                for _ in 0..<200 where !up {
                    up = (try? await node.send(["PING"], timeout: .milliseconds(300)))?.string == "PONG"
                    if !up { try await Task.sleep(for: .milliseconds(50)) }
                }
                guard up else { throw RedisError(.connectionFailed, message: "TLS cluster node \(port) did not come up; see \(directory.path)") }
            }
            try await TLSRedisServer.run(
                "redis-cli", ["--tls", "--cacert", cluster.caPath, "-a", "s3cret", "--no-auth-warning", "--cluster", "create"]
                    + ports.map { "127.0.0.1:\($0)" } + ["--cluster-yes"])
            let client = RedisClient(configuration: try RedisConfiguration(url: cluster.url))
            defer { client.close() }
            for _ in 0..<200 {
                let info = (try? await client.send(["CLUSTER", "INFO"], timeout: .milliseconds(500)))?.string ?? ""
                if info.contains("cluster_state:ok"), try await client.clusterMasters().count == 3 { return cluster }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw RedisError(.connectionFailed, message: "the TLS cluster did not reach cluster_state:ok; see \(directory.path)")
        } catch {
            await cluster.stop()
            throw error
        }
    }
}
