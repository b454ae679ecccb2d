import Foundation
import Jobs
import TestSupport
import Testing

/// `aips dev --replay FILE`, as a user runs it: embedded servers, the file's world served by dev's own sandbox, its
/// games collected through the schedule and read over the API by a user created beside it; only the jobs the file has
/// a source for run, and none fails. The data directory keeps the world it served: the simulated world is refused there.
@Suite(.serialized, .timeLimit(.minutes(6))) struct DevReplayTests {
    @Test func aDevRunReplaysAFileAndKeepsItsDataDirectoryToIt() async throws {
        let root = TestServers.temporaryDirectory.appendingPathComponent(TestServers.uniqueName())
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try TestServers.freePort(), sandboxPort = try TestServers.freePort()
        let log = root.appendingPathComponent("dev.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let dev = try aips(
            [
                "dev", "--replay", ReplayPipelineTests.season.path, "--replay-format", "football-data", "--bootstrap-days", "0",
                "--port", String(port), "--sandbox-port", String(sandboxPort),
            ], in: root, output: try FileHandle(forWritingTo: log))
        defer { if dev.isRunning { kill(dev.processIdentifier, SIGKILL) } }
        let fullLog = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let devLog = { String(fullLog().suffix(2_000)) }
        let api = "http://127.0.0.1:\(port)"

        // A failed step stops dev as a user would (SIGINT), so that it stops its embedded redis-server and PostgreSQL
        // too: the defer's SIGKILL, the last resort, leaves them running.
        do {
            // The waits end as soon as their condition holds; their bounds only stop a broken run on a loaded machine.
            #expect(try await eventually(timeout: .seconds(120)) { try await ChildProcesses.curl(["-sf", "\(api)/health/live"]).status == 0 }, "\(devLog())")
            #expect(fullLog().contains("replaying \(ReplayPipelineTests.season.path)"), "\(devLog())")

            let password = "replay-\(UUID().uuidString)"
            let creator = try aips(["user", "create", "--email", "replay@example.com", "--admin"], in: root, input: password)
            #expect(await ChildProcesses.waitForExit(creator, timeout: .seconds(60)) && creator.terminationStatus == 0)
            // A call may wait behind dev's bootstrap on a loaded machine (a login hashes the password with scrypt): 60 s
            // bounds it, where curl's 10 s once cut a login short in the whole suite; a failed call says so, not "bad JSON".
            func call(_ arguments: [String]) async throws -> [String: Any] {
                let reply = try await ChildProcesses.curl(arguments, timeout: .seconds(60))
                try #require(reply.status == 0, "curl \(arguments.prefix(4)) → \(reply.status): \(reply.stderr) \(devLog())")
                return try json(reply.stdout)
            }
            let login = try await call([
                "-sf", "-X", "POST", "\(api)/api/v1/auth/login", "-H", "content-type: application/json",
                "-d", #"{"email":"replay@example.com","password":"\#(password)"}"#,
            ])
            let token = try #require((login["data"] as? [String: Any])?["access_token"] as? String, "\(login)")
            func get(_ path: String) async throws -> [String: Any] {
                try await call(["-sf", "\(api)/api/v1/\(path)", "-H", "authorization: Bearer \(token)"])
            }

            // The world starts an hour before the season's first match: the schedule's first minute collects it.
            var games: [[String: Any]] = []
            var market: String?
            _ = try await eventually(timeout: .seconds(180)) {
                let page = try await get("games?sport=epl")
                games = page["data"] as? [[String: Any]] ?? []
                market = (page["meta"] as? [String: Any])?["market"] as? String
                if games.isEmpty { try await Task.sleep(for: .seconds(1)) }
                return !games.isEmpty
            }
            #expect(market == "replayed", "dev declares the replayed file's market")
        let first = try #require(games.first, "\(devLog())")
            #expect((first["scheduled_at"] as? String)?.hasPrefix("2024-08-16T19:00") == true, "\(first)")

            // Every job the schedule ran has a source in the file; none failed.
            let jobs = try await get("jobs?limit=100")["data"] as? [[String: Any]] ?? []
            let types = Set(jobs.compactMap { $0["type"] as? String })
            #expect(types.contains("collect.games") && types.contains("collect.odds"), "\(types)")
            #expect(types.isSubset(of: PipelineFlow.replayedJobTypes), "\(types)")
            #expect(!jobs.contains { ["dead", "retrying"].contains($0["state"] as? String) }, "\(jobs)")
        } catch {
            await ChildProcesses.stop(dev, signal: SIGINT, timeout: .seconds(60))
            throw error
        }

        await ChildProcesses.stop(dev, signal: SIGINT, timeout: .seconds(60))
        // The same data directory with the simulated world: refused before any server starts.
        let simulated = try await ChildProcesses.output(of: aipsProcess(["dev", "--port", String(port)], in: root))
        #expect(simulated.status != 0)
        #expect(simulated.stderr.contains("holds the replay of"), "\(simulated.stderr)")
    }

    /// The built `aips` in `directory` with embedded servers: no server URL and no upstream in its environment.
    private func aipsProcess(_ arguments: [String], in directory: URL) -> Process {
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for name in ["REDIS_URL", "DATABASE_URL", "DATABASE_REPLICA_URL", "ODDS_API_KEY", "AIPS_SANDBOX_URL"] { environment[name] = nil }
        process.environment = environment
        return process
    }

    private func aips(_ arguments: [String], in directory: URL, output: FileHandle? = nil, input: String? = nil) throws -> Process {
        let process = aipsProcess(arguments, in: directory)
        if let output {
            process.standardOutput = output
            process.standardError = output
        }
        let pipe = Pipe()
        if input != nil { process.standardInput = pipe }
        try ChildProcesses.start(process)
        if let input {
            pipe.fileHandleForWriting.write(Data((input + "\n").utf8))
            try pipe.fileHandleForWriting.close()
        }
        return process
    }

    private func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
