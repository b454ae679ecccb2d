import Foundation

/// Starting and awaiting child processes from async tests.
///
/// Launches are serialized: the test suite runs many tests at once, and concurrent
/// `Process.run()` calls in Foundation on Linux have crashed the test process. Waiting
/// polls instead of calling `waitUntilExit()`, which would block one of the few
/// cooperative threads and stall every other test.
public enum ChildProcesses {
    private static let launch = NSLock()

    /// Starts `process`.
    public static func start(_ process: Process) throws {
        try launch.withLock { try process.run() }
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
            await waitForExit(process, timeout: .seconds(5))
        }
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, out, err)
    }
}
