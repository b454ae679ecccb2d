import Foundation
import Postgres
import Store
import TestSupport
import Testing

/// `aips promotion list|approve|reject`, run as the built binary against a real PostgreSQL: the same queue and the same
/// shadow-period rule as `/api/v1/admin/promotions`.
struct PromotionCommandTests {
    /// Runs `aips promotion ARGUMENTS` against `store`'s database.
    func aips(_ arguments: [String], _ store: Store) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["promotion"] + arguments + ["--database-url", store.pool.configuration.url]
        return try await ChildProcesses.output(of: process)
    }

    @Test func promotionVerbsReviewTheQueueAsTheAdminAPIDoes() async throws {
        let harness = try await APITestHarness.make()
        let ids = try await AdminPromotionEndpointTests.seed(harness.store)

        let list = try await aips(["list", "--shadow-games", "2"], harness.store)
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.count == 4, "a header, a rule and two requests: \(list.stdout)")
        #expect(rows.dropFirst(2).first?.hasPrefix("\(ids.moneyline) ") == true && rows.dropFirst(2).first?.contains("1/2 (running)") == true)

        let early = try await aips(["approve", String(ids.moneyline), "--shadow-games", "2"], harness.store)
        #expect(early.status != 0)
        #expect(early.stderr.contains("1 of the 2 settled shadow games"), "\(early.stderr)")
        #expect(try await harness.store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == ids.champion, "nothing changed")

        // PROMOTION_SHADOW_GAMES is read when no option is given.
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["promotion", "approve", String(ids.moneyline), "--database-url", harness.store.pool.configuration.url]
        process.environment = ProcessInfo.processInfo.environment.merging(["PROMOTION_SHADOW_GAMES": "1"]) { $1 }
        let approved = try await ChildProcesses.output(of: process)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("approved: model #\(ids.shadow) is champion"), "\(approved.stdout)")
        #expect(try await harness.store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == ids.shadow)

        let again = try await aips(["approve", String(ids.moneyline), "--force"], harness.store)
        #expect(again.status != 0 && again.stderr.contains("already approved"), "\(again.stderr)")
        #expect(try await aips(["reject", String(ids.total), "--reason", " "], harness.store).status != 0, "a reason is required")
        let rejected = try await aips(["reject", String(ids.total), "--reason", "worse in shadow"], harness.store)
        #expect(rejected.status == 0 && rejected.stdout.contains("rejected"), "\(rejected.stderr)")
        #expect(try await harness.store.modelReports.events(modelID: try #require(await harness.store.promotionRequests.find(id: ids.total))
            .modelID).first?.reason.hasSuffix("worse in shadow") == true)
        #expect(try await aips(["list"], harness.store).stdout.contains("no pending promotion requests"))
        #expect(try await aips(["approve", "999999"], harness.store).stderr.contains("no promotion request #999999"))
    }
}
