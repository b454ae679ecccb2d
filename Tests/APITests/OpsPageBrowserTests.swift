import API
import Diagnostics
import Foundation
import HummingbirdTesting
import Queue
import Redis
import Store
import Testing

/// The ops page in a real headless Chromium: signing in through the page, the data it shows,
/// its live refresh, a screenshot that is not blank, the error state of a failed refresh, and
/// a non-admin's error state.
///
/// Fails, with how to install it, when Chromium is missing: `scripts/setup` installs it.
@Suite(.serialized) struct OpsPageBrowserTests {
    @Test func adminSeesQueuesWorkersAndErrorsRefreshedLive() async throws {
        _ = try OpsPageBrowser.chromium()
        let harness = try await APITestHarness.make(redisDatabase: 11)
        let admin = try await harness.user(role: .admin)
        try await harness.run { client in
            let port = try #require(client.client.port)
            try await OpsScenario.whileRunning(harness) { scenario in
                let laterFailure = "closing line feed timed out after 30 s"
                try await OpsPageBrowser.drive(
                    port: port, email: admin.email, password: admin.password, expectState: "ready",
                    expect: [OpsScenario.collectQueue, OpsScenario.trainQueue, OpsScenario.workerID, OpsScenario.deadMessage],
                    then: [
                        .init(state: "ready", texts: [laterFailure]),
                        .init(state: "error", texts: ["DEPENDENCY_UNAVAILABLE", laterFailure]),
                    ]
                ) { run in
                    let report = try await run.report()
                    #expect(report.state == "ready")
                    #expect(report.status?.hasPrefix("Updated ") == true, "the time of the last refresh is shown")
                    for text in [OpsScenario.retryingMessage, scenario.deadJobID, scenario.retryingJobID, scenario.runningJobID, "diag.fail", "paused"] {
                        #expect(report.text.contains(text), "the page shows \(text)")
                    }
                    #expect(report.dataRows == 5, "two queues, one worker, one failing and one dead job")
                    #expect(report.storedAccessToken)
                    #expect(!report.url.contains("token") && !report.url.contains("?"), "no credentials in the URL: \(report.url)")
                    #expect(report.problems.isEmpty, "no console errors or CSP violations: \(report.problems)")

                    let png = try #require(report.png)
                    #expect(png.width == 1280 && png.height == 960)
                    #expect(png.colours > 50, "text and tables are drawn, not a flat page")
                    #expect(png.nonBackgroundFraction > 0.1 && png.nonBackgroundFraction < 0.95, "\(png.nonBackgroundFraction)")
                    if let keep = ProcessInfo.processInfo.environment["OPS_SCREENSHOT"] {
                        try? FileManager.default.removeItem(atPath: keep)
                        try FileManager.default.copyItem(at: run.screenshot, to: URL(fileURLWithPath: keep))
                    }

                    // A job that dies after the page rendered shows up without reloading it.
                    try await harness.queue.enqueue(
                        JobRequest(
                            type: DiagnosticJobs.Fail.jobType, queue: OpsScenario.collectQueue,
                            payload: #"{"message":"\#(laterFailure)","permanent":true}"#))
                    let refreshed = try await run.report(phase: 1)
                    #expect(refreshed.state == "ready")
                    #expect(refreshed.text.contains(laterFailure) && refreshed.text.contains(OpsScenario.deadMessage))
                    #expect(refreshed.problems.isEmpty, "\(refreshed.problems)")

                    // The API loses Redis: the next refresh fails visibly, and the last data stays, marked as such.
                    harness.redis.close()
                    let failed = try await run.report(phase: 2)
                    try await run.finish()
                    #expect(failed.state == "error")
                    #expect(failed.status?.hasPrefix("Refresh failed at ") == true && failed.status?.contains("showing data from") == true)
                    #expect(failed.error?.contains("503") == true, "\(failed.error ?? "")")
                    #expect(failed.dashboardHidden == false && failed.text.contains(OpsScenario.deadMessage))
                }
            }
        }
    }

    @Test func nonAdminGetsAnErrorStateAndNoData() async throws {
        _ = try OpsPageBrowser.chromium()
        let harness = try await APITestHarness.make(redisDatabase: 12)
        let user = try await harness.user(role: .user)
        try await harness.run { client in
            let port = try #require(client.client.port)
            try await harness.redis.send("FLUSHDB")
            try await harness.queue.enqueue(JobRequest(type: DiagnosticJobs.Noop.jobType, queue: "ops-secret-queue"))
            try await OpsPageBrowser.drive(
                port: port, email: user.email, password: user.password, expectState: "error", expect: ["admins only"]
            ) { run in
                let report = try await run.report()
                try await run.finish()
                #expect(report.state == "error")
                #expect(report.error?.contains("FORBIDDEN") == true, "\(report.error ?? "")")
                #expect(report.status?.hasPrefix("Refresh failed") == true)
                #expect(report.dashboardHidden == true)
                #expect(report.dataRows == 0)
                #expect(!report.text.contains("ops-secret-queue"))
                // The only console error is the refused request itself.
                #expect(report.problems.allSatisfy { $0.hasPrefix("network:") && $0.contains("403") }, "\(report.problems)")
                let png = try #require(report.png)
                #expect(png.width == 1280 && png.height == 960 && png.colours > 10)
            }
        }
    }

    @Test func wrongPasswordStaysSignedOutWithTheReason() async throws {
        _ = try OpsPageBrowser.chromium()
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        try await harness.run { client in
            let port = try #require(client.client.port)
            try await OpsPageBrowser.drive(
                port: port, email: admin.email, password: "not the password", expectState: "signed-out",
                expect: ["Sign-in failed", "INVALID_CREDENTIALS"]
            ) { run in
                let report = try await run.report()
                try await run.finish()
                #expect(report.dashboardHidden == true)
                #expect(!report.storedAccessToken)
            }
        }
    }
}
