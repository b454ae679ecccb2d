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
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` (SIGKILL, SIGSTOP, SIGCONT, SIGTERM).
    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Everything the process logged so far.
    var log: String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// Stops the process if it still runs and waits for it; a process that does not
    /// stop within 15 s is killed, so a broken shutdown fails its test instead of hanging the run.
    func stop() {
        if process.isRunning {
            send(SIGCONT)
            send(SIGTERM)
        }
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            FileHandle.standardError.write(Data("scheduler \(pid) ignored SIGTERM for 15 s; killing it. Its log:\n\(log)\n".utf8))
            send(SIGKILL)
        }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            send(SIGKILL)
            process.waitUntilExit()
        }
    }
}
