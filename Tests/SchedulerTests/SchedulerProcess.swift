import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A real `aips scheduler` process, its standard error kept in a file for inspection.
final class SchedulerProcess {
    let process = Process()
    let logURL: URL

    /// Starts `aips scheduler` with `arguments` against the test Redis.
    init(arguments: [String], label: String) throws {
        logURL = TestServers.temporaryDirectory.appendingPathComponent("\(label).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["scheduler", "--redis-url", TestServers.redisURL] + arguments
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        try ChildProcesses.start(process)
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` (SIGKILL, SIGSTOP, SIGCONT, SIGTERM).
    func send(_ signal: Int32) {
        // Only a live child: a reaped one's pid may belong to another process by now, and 0 is our own group.
        guard pid > 0, process.isRunning else { return }
        kill(pid, signal)
    }

    /// Everything the process logged so far.
    var log: String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// Stops the process (SIGTERM; SIGKILL after 15 s) and waits for it without blocking a thread.
    func stop() async {
        if process.isRunning { send(SIGCONT) }
        await ChildProcesses.stop(process)
    }

    deinit {
        // Only a test that failed early gets here with a live process; do not wait for it.
        if process.isRunning { send(SIGKILL) }
    }
}
