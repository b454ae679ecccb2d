import Foundation
import Logging
import Postgres
import Queue
import Redis
import Sandbox
import Store
import TestSupport
import Testing

/// Secrets reach the processes only through the environment and stdin, and no log line
/// of a full run (API with logins, workers calling an upstream with right and wrong keys,
/// at trace level) ever contains one.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SecretsInLogsTests {
    @Test func noSecretAppearsInAnyLogOfARun() async throws {
        let oddsKey = "odds-key-\(UUID().uuidString)"
        let wrongKey = "wrong-key-\(UUID().uuidString)"
        let jwtSecret = "jwt-secret-\(UUID().uuidString)-\(UUID().uuidString)"
        let databasePassword = "db-pass-\(UUID().uuidString)"
        let userPassword = "user-pass-\(UUID().uuidString)"
        let secrets = [oddsKey, wrongKey, jwtSecret, databasePassword, userPassword]

        // A database of its own, reached with a password in the URL (trust auth ignores it, libpq still carries it).
        var components = URLComponents(string: try await TestServers.createDatabase())!
        components.password = databasePassword
        let databaseURL = components.string!
        let store = Store(configuration: PostgresConfiguration(url: databaseURL, maximumConnections: 2))
        try await store.migrate(logger: Logger(label: "secrets-test"))
        await store.shutdown()

        let sandbox = SandboxServer(
            configuration: SandboxConfiguration(seed: 7, start: Date(timeIntervalSince1970: 1_778_342_400), speed: 0, oddsAPIKey: oddsKey),
            logger: Logger(label: "sandbox"))
        try await sandbox.withRunning { running in
            let queue = TestServers.uniqueName().lowercased()
            let wrongQueue = queue + "-wrong"
            let logs = TestServers.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            var environment = ProcessInfo.processInfo.environment
            environment["LOG_LEVEL"] = "trace"
            environment["DATABASE_URL"] = databaseURL
            environment["ODDS_API_URL"] = running.baseURL
            environment["ESPN_URL"] = running.baseURL
            environment["AIPS_SPORTS"] = "nba"
            environment["JWT_SECRET"] = jwtSecret

            func spawn(_ label: String, _ arguments: [String], _ extra: [String: String] = [:], stdin: String? = nil) throws -> Process {
                let process = Process()
                process.executableURL = TestServers.aipsExecutable
                process.arguments = arguments
                process.environment = environment.merging(extra) { $1 }
                let log = logs.appendingPathComponent("\(label).log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                process.standardOutput = try FileHandle(forWritingTo: log)
                process.standardError = try FileHandle(forWritingTo: logs.appendingPathComponent("\(label).err.log").creatingFile())
                if let stdin {
                    let pipe = Pipe()
                    process.standardInput = pipe
                    try ChildProcesses.start(process)
                    pipe.fileHandleForWriting.write(Data((stdin + "\n").utf8))
                    try pipe.fileHandleForWriting.close()
                } else {
                    try ChildProcesses.start(process)
                }
                return process
            }

            let creator = try spawn("user", ["user", "create", "--email", "secret-\(queue)@example.com"], stdin: userPassword)
            #expect(await ChildProcesses.waitForExit(creator))
            // Ports from the kernel: a random one may be in use (30,000-40,000 overlaps the ephemeral ports).
            let port = try TestServers.freePort()
            let api = try spawn("api", ["api", "--port", String(port)])
            let metricsPort = try TestServers.freePort()
            let worker = try spawn(
                "worker", ["worker", "--queues", queue, "--lease", "5", "--metrics-port", String(metricsPort), "--metrics-host", "127.0.0.1"],
                ["ODDS_API_KEY": oddsKey])
            let wrongWorker = try spawn("worker-wrong", ["worker", "--queues", wrongQueue, "--lease", "5"], ["ODDS_API_KEY": wrongKey])
            defer { for process in [api, worker, wrongWorker] where process.isRunning { kill(process.processIdentifier, SIGKILL) } }

            let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
            defer { redis.close() }
            let jobs = JobQueue(redis: redis)
            let good = try await jobs.enqueue(JobRequest(type: "collect.odds", queue: queue, payload: "{}", maxAttempts: 1)).id
            let bad = try await jobs.enqueue(JobRequest(type: "collect.odds", queue: wrongQueue, payload: "{}", maxAttempts: 1)).id

            // Log in right and wrong, through real HTTP.
            // The waits end as soon as their condition holds; their bounds only stop a broken run, on a loaded CI.
            var ready = false
            for _ in 0..<600 where !ready && api.isRunning {
                ready = (try? await ChildProcesses.curl(["-sf", "http://127.0.0.1:\(port)/health/live"]))?.status == 0
                if !ready { try await Task.sleep(for: .milliseconds(100)) }
            }
            // Once the API was not live after 30 s in the loaded third phase; its own words say why, if it says.
            let apiLog = {
                ["api.log", "api.err.log"].map { name in
                    (try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)).map { String($0.suffix(1_500)) } ?? ""
                }.joined(separator: "\n")
            }
            #expect(ready, "the API is not live (running: \(api.isRunning)): \(apiLog())")
            for password in [userPassword, "not-" + userPassword] {
                let body = #"{"email":"secret-\#(queue)@example.com","password":"\#(password)"}"#
                _ = try await ChildProcesses.curl(["-s", "-X", "POST", "http://127.0.0.1:\(port)/api/v1/auth/login", "-H", "content-type: application/json", "-d", body])
            }

            var finished = false
            for _ in 0..<900 where !finished {
                let states = try await [good, bad].asyncMap { try await jobs.job($0)?.state }
                finished = states.allSatisfy { $0?.isFinished == true }
                if !finished { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(try await jobs.job(good)?.state == .succeeded)
            #expect(try await jobs.job(bad)?.state == .dead)  // INVALID_KEY: dead at once, with an alert logged

            // The worker's metrics endpoint shows the job, the collector's freshness and the quota.
            let metrics = try await ChildProcesses.curl(["-s", "http://127.0.0.1:\(metricsPort)/metrics"]).stdout
            #expect(metrics.contains(#"aips_jobs_total{queue="\#(queue)",type="collect.odds",outcome="succeeded"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"aips_collector_last_success_timestamp_seconds{collector="collect.odds"}"#))
            #expect(metrics.contains("aips_odds_api_requests_remaining"))

            for process in [api, worker, wrongWorker] { await ChildProcesses.stop(process) }
            var everything = ""
            for file in try FileManager.default.contentsOfDirectory(at: logs, includingPropertiesForKeys: nil) {
                everything += try String(contentsOf: file, encoding: .utf8)
            }
            #expect(everything.count > 1_000, "the processes should have logged something")
            #expect(everything.contains("ALERT") || everything.contains("INVALID_KEY"), "the refused key should be reported")
            for secret in secrets {
                #expect(!everything.contains(secret), "a secret leaked into the logs")
            }
            // The job records (errors, results) are operator-visible too.
            let records = try await [good, bad].asyncMap { try await jobs.job($0).map { "\($0)" } ?? "" }.joined()
            for secret in secrets { #expect(!records.contains(secret), "a secret leaked into a job record") }
        }
    }

}

extension URL {
    fileprivate func creatingFile() -> URL {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return self
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
