import Foundation
import HTTPTypes
import Postgres
import Store
import TestSupport
import Testing

/// `POST /api/v1/admin/models/{id}/rollback` over real HTTP on a real PostgreSQL, and `aips model rollback`: only admins
/// roll back; the champion is retired and the previous champion reinstated, both with the reason in their events; a
/// model rolled back once is never reinstated by a later rollback; unknown and non-champion models answer 404 and 409.
struct AdminModelEndpointTests {
    /// Three moneyline models of the NBA, each promoted over the one before: the last is champion. Their ids, oldest first.
    static func seed(_ store: Store) async throws -> [Int] {
        var ids: [Int] = []
        for version in 1...3 {
            let id = try await AdminPromotionEndpointTests.model(store, betType: .moneyline, version: version)
            try await store.models.promote(id: id)
            ids.append(id)
        }
        return ids
    }

    static func champion(_ store: Store) async throws -> Int? {
        try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id
    }

    @Test func onlyAdminsRollBackAndEachRollbackReinstatesAModelNeverRolledBack() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let admin = try await harness.user(role: .admin, #function + "-admin")
        let ids = try await Self.seed(harness.store)
        try await harness.run { client in
            let userToken = try await client.login(user).access
            let token = try await client.login(admin).access
            func rollBack(_ id: Int, token: String? = token, _ body: String = #"{"reason":"its picks lost to the close all week"}"#) async throws
                -> APIClient.Reply
            {
                try await client.request(.post, "/api/v1/admin/models/\(id)/rollback", token: token, body: body)
            }
            #expect(try await rollBack(ids[2], token: userToken).status == .forbidden)
            #expect(try await rollBack(ids[2], token: nil).status == .unauthorized)
            let noReason = try await rollBack(ids[2], #"{"reason":"  "}"#)
            #expect(noReason.status == .badRequest, "\(noReason.text)")
            #expect(try await rollBack(999_999).errorCode == "MODEL_NOT_FOUND")
            let retired = try await rollBack(ids[0])
            #expect(retired.status == .conflict, "\(retired.text)")
            #expect(retired.errorCode == "MODEL_NOT_CHAMPION")
            #expect(try await Self.champion(harness.store) == ids[2], "nothing changed")

            let first = try await rollBack(ids[2])
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.data?["rolled_back"]?["id"]?.int == ids[2])
            #expect(first.data?["rolled_back"]?["status"]?.string == "retired")
            #expect(first.data?["reinstated"]?["id"]?.int == ids[1])
            #expect(first.data?["reinstated"]?["status"]?.string == "champion")
            #expect(try await Self.champion(harness.store) == ids[1])
            let events = try await harness.store.modelReports.events(modelID: ids[2])
            #expect(events.last?.kind == .rolledBack)
            #expect(events.last?.reason.contains("its picks lost to the close all week") == true, "\(events)")
            #expect(try await harness.store.modelReports.events(modelID: ids[1]).last?.kind == .reinstated)

            // The previous champion of ids[1] is ids[0]: ids[2] was promoted later but rolled back.
            let second = try await rollBack(ids[1])
            #expect(second.data?["reinstated"]?["id"]?.int == ids[0], "\(second.text)")
            let last = try await rollBack(ids[0])
            #expect(last.status == .ok, "\(last.text)")
            #expect(last.data?["reinstated"] == nil, "no model left that was never rolled back: \(last.text)")
            #expect(try await Self.champion(harness.store) == nil)
        }
    }

    @Test func theCommandRollsBackAsTheAdminAPIDoes() async throws {
        let harness = try await APITestHarness.make()
        let ids = try await Self.seed(harness.store)
        func aips(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = TestServers.aipsExecutable
            process.arguments = ["model", "rollback"] + arguments + ["--database-url", harness.store.pool.configuration.url]
            return try await ChildProcesses.output(of: process)
        }
        let retired = try await aips([String(ids[0]), "--reason", "stale"])
        #expect(retired.status != 0)
        #expect(retired.stderr.contains("not a champion"), "\(retired.stderr)")
        #expect(try await aips([String(ids[2])]).status != 0, "a reason is required")

        let rolled = try await aips([String(ids[2]), "--reason", "stale"])
        #expect(rolled.status == 0, "\(rolled.stderr)")
        #expect(rolled.stdout.contains("model #\(ids[2]) rolled back; model #\(ids[1]) is champion again"), "\(rolled.stdout)")
        #expect(try await Self.champion(harness.store) == ids[1])
        #expect(try await harness.store.modelReports.events(modelID: ids[2]).last?.reason.hasPrefix("stale") == true)
    }
}
