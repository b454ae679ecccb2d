import Foundation
import Testing
import TestSupport

/// Headless Chromium (Debian's `chromium`, installed by `scripts/setup`) driven through the
/// ops page by `Browser/drive_ops_page.py`, which speaks the DevTools Protocol over a pipe.
struct OpsPageBrowser {
    /// What the page showed, as the driver read it from the DOM.
    struct Report: Decodable {
        struct Screenshot: Decodable {
            var width: Int
            var height: Int
            var colours: Int
            var nonBackgroundFraction: Double
        }

        var state: String?
        var status: String?
        var error: String?
        var signinError: String?
        var dashboardHidden: Bool?
        var dataRows: Int
        var text: String
        var url: String
        var storedAccessToken: Bool
        /// Console errors, uncaught exceptions and CSP violations.
        var problems: [String]
        var seconds: Double
        var png: Screenshot?
    }

    /// No Chromium: the test fails and says how to get it, rather than skipping.
    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String {
            "Chromium is not installed: the ops page browser tests need Debian's chromium package (scripts/setup installs it: apt-get install chromium)"
        }
    }

    struct DriverFailed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "the browser driver failed (exit \(status)): \(stderr)" }
    }

    /// The Chromium binary: `CHROMIUM` if set, else Debian's.
    static func chromium() throws -> String {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        guard let path = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ChromiumMissing()
        }
        return path
    }

    /// Runs the driver (see `Run`) on the ops page of the API listening on `port`, hands it to `body`, and cleans it up
    /// whatever `body` does.
    static func drive(
        port: Int, email: String, password: String, expectState: String, expect: [String], then: [Phase] = [],
        _ body: (Run) async throws -> Void
    ) async throws {
        let run = try Run(
            url: "http://127.0.0.1:\(port)/ops", email: email, password: password, expectState: expectState, expect: expect, then: then)
        try await withCleanup({ try await body(run) }, cleanup: run.cleanUp)
    }

    /// A state of the page (`body[data-state]`) and texts it must show.
    struct Phase: Encodable {
        var state: String
        var texts: [String]
    }

    /// One run of the driver: sign in on `url` as `email`, wait for `expectState` and `expect`,
    /// screenshot, report (phase 0); then wait for later refreshes to bring each of `then`.
    final class Run {
        let process: Process
        let directory: URL
        var screenshot: URL { directory.appendingPathComponent("ops.png") }
        private var stderrURL: URL { directory.appendingPathComponent("driver.err") }

        init(
            url: String, email: String, password: String, expectState: String, expect: [String], then: [Phase] = [],
            timeout: Duration = .seconds(120)
        ) throws {
            let chromium = try OpsPageBrowser.chromium()
            directory = TestServers.temporaryDirectory.appendingPathComponent("ops-browser-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let passwordFile = directory.appendingPathComponent("password")
            try Data(password.utf8).write(to: passwordFile)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Browser/drive_ops_page.py")
            var arguments = [
                script.path, "--chromium", chromium, "--url", url, "--email", email, "--password-file", passwordFile.path,
                "--expect-state", expectState, "--screenshot", directory.appendingPathComponent("ops.png").path,
                "--report-dir", directory.path, "--timeout", String(timeout.components.seconds),
            ]
            for text in expect { arguments += ["--expect", text] }
            for phase in then { arguments += ["--then", String(decoding: try JSONEncoder().encode(phase), as: UTF8.self)] }
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("driver.err").path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("driver.err"))
            try ChildProcesses.start(process)
        }

        /// The report of `phase` (0: the first, with the screenshot; n: the n-th of `then`), once
        /// the page has shown what that phase expects; throws if the driver gave up.
        func report(phase: Int = 0, timeout: Duration = .seconds(180)) async throws -> Report {
            let url = directory.appendingPathComponent("phase-\(phase).json")
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let data = try? Data(contentsOf: url) { return try Self.decode(data) }
                if !process.isRunning { throw failure() }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw failure()
        }

        /// Waits for the driver to close Chromium and exit; throws unless it succeeded.
        func finish(timeout: Duration = .seconds(180)) async throws {
            if await !ChildProcesses.waitForExit(process, timeout: timeout) {
                await ChildProcesses.stop(process)
            }
            guard process.terminationStatus == 0 else { throw failure() }
        }

        /// Stops the driver if it still runs and removes its files (the screenshot too).
        func cleanUp() async {
            await ChildProcesses.stop(process)
            try? FileManager.default.removeItem(at: directory)
        }

        private func failure() -> DriverFailed {
            DriverFailed(
                status: process.isRunning ? -1 : process.terminationStatus,
                stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "")
        }

        private static func decode(_ data: Data) throws -> Report {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(Report.self, from: data)
        }
    }
}
