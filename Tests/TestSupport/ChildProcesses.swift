import Foundation

/// Starting and awaiting child processes from async tests.
///
/// Launches are serialized: the test suite runs many tests at once, and concurrent
/// `Process.run()` calls in Foundation on Linux have crashed the test process. Waiting
/// polls instead of calling `waitUntilExit()`, which would block one of the few
/// cooperative threads and stall every other test.
public enum ChildProcesses {
    private static let launch = NSLock()

    /// Starts `process`, with the standard streams it was not given sent to `/dev/null` (input) or to a log file
    /// in the temporary directory (output and error).
    ///
    /// A child must never hold the test runner's own output: if the runner crashes, `swift test` reads that pipe
    /// until its last writer closes it, so a leftover child would turn a reported crash into a silent hang.
    public static func start(_ process: Process) throws {
        let name = process.executableURL?.lastPathComponent ?? "child"
        if inherits(process.standardInput, descriptor: 0) { process.standardInput = FileHandle.nullDevice }
        if inherits(process.standardOutput, descriptor: 1) { process.standardOutput = try logFile(name, "out") }
        if inherits(process.standardError, descriptor: 2) { process.standardError = try logFile(name, "err") }
        try launch.withLock { try process.run() }
    }

    private static func inherits(_ stream: Any?, descriptor: Int32) -> Bool {
        guard let stream else { return true }
        return (stream as? FileHandle)?.fileDescriptor == descriptor
    }

    private static func logFile(_ name: String, _ stream: String) throws -> FileHandle {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("aips-child-\(name)-\(UUID().uuidString).\(stream).log")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return try FileHandle(forWritingTo: url)
    }

    /// Waits until `process` exits; returns false if it still runs after `timeout`.
    @discardableResult
    public static func waitForExit(_ process: Process, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            // Not the caller's cancellation: a cancelled test still waits for its child, without spinning.
            await Task { try? await Task.sleep(for: .milliseconds(20)) }.value
        }
        return !process.isRunning
    }

    /// Sends `signal` (SIGTERM by default), waits, and SIGKILLs a process that outlives `timeout`.
    public static func stop(_ process: Process, signal: Int32 = SIGTERM, timeout: Duration = .seconds(15)) async {
        // kill(0, …) would signal the test runner's whole process group.
        guard process.isRunning, process.processIdentifier > 0 else { return }
        kill(process.processIdentifier, signal)
        if await !waitForExit(process, timeout: timeout) {
            kill(process.processIdentifier, SIGKILL)
            await waitForExit(process, timeout: .seconds(5))
        }
    }

    /// Runs `/usr/bin/curl` with `arguments` (`timeout` at most); its status and what it printed.
    public static func curl(_ arguments: [String], timeout: Duration = .seconds(10)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        return try await output(of: process, timeout: timeout)
    }

    /// Runs `process` to completion and returns its standard output and error.
    public static func output(of process: Process, timeout: Duration = .seconds(60)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
        let outURL = directory.appendingPathComponent("child-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("child-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try start(process)
        if await !waitForExit(process, timeout: timeout) {
            kill(process.processIdentifier, SIGKILL)
            // A killed child always exits, but Foundation learns of it on its own queue, which a loaded machine delays:
            // 5 s was once too short, and reading `terminationStatus` of a running process traps.
            await waitForExit(process, timeout: .seconds(60))
        }
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.isRunning ? -SIGKILL : process.terminationStatus, out, err)
    }
}
