import Foundation
import Testing
import TestSupport

/// `aips` commands run beside a running `aips dev` find its servers through `.data/servers.json`, from the
/// directory it runs in or any below, with no URL in the environment; a file left by a dev that has stopped is ignored.
@Suite struct DevServersDiscoveryTests {
    @Test func commandsBesideARunningDevFindItsServers() async throws {
        let root = TestServers.temporaryDirectory.appendingPathComponent(TestServers.uniqueName())
        let below = root.appendingPathComponent("notes/today")
        try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // This test process stands in for the running `aips dev`.
        try write(processID: getpid(), into: root)
        let found = try await aips(["migrate", "status"], in: below)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("pending") || found.stdout.contains("applied"), "\(found.stdout)")
        // Without the file this would try redis://127.0.0.1:6379, where no server runs in the test setup.
        let stats = try await aips(["queue", "stats"], in: root)
        #expect(stats.status == 0, "\(stats.stderr)")

        // A dev that has stopped: its file no longer counts.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try ChildProcesses.start(gone)
        await ChildProcesses.waitForExit(gone)
        try write(processID: gone.processIdentifier, into: root)
        let stale = try await aips(["migrate", "status"], in: below)
        #expect(stale.status != 0)
        #expect(stale.stderr.contains("no database"), "\(stale.stderr)")
    }

    private func write(processID: Int32, into root: URL) throws {
        let directory = root.appendingPathComponent(".data")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let servers: [String: Any] = ["redisURL": TestServers.redisURL, "databaseURL": TestServers.databaseURL, "processID": processID]
        try JSONSerialization.data(withJSONObject: servers).write(to: directory.appendingPathComponent("servers.json"))
    }

    /// Runs the built `aips` in `directory` without `REDIS_URL` or `DATABASE_URL`.
    private func aips(_ arguments: [String], in directory: URL) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["REDIS_URL"] = nil
        environment["DATABASE_URL"] = nil
        process.environment = environment
        return try await ChildProcesses.output(of: process)
    }
}
