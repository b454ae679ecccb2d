import Essentials
import Foundation
import HTTPTypes
import Store
import Testing

/// `GET /api/v1/admin/quality/checks` over real HTTP on a real PostgreSQL: admins only; newest first; filters by status,
/// action and sport; `latest=true` keeps each rule's latest result per sport, so a failure since passed drops out.
struct AdminQualityEndpointTests {
    static let day = Date(timeIntervalSince1970: 1_772_323_200)

    @Test func adminsReadTheFailuresToReviewAndTheCurrentState() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let admin = try await harness.user(role: .admin, #function + "-admin")
        let checks = harness.store.dataQualityChecks
        // NBA odds failed and blocked predictions, then passed; an MLB score disagreement waits for review.
        try await checks.record(DataQualityCheck(
            checkName: "odds_completeness", sport: "nba", status: .fail, action: .blockPredictions, observedValue: 0.5, threshold: 0.9,
            checkedAt: Self.day))
        try await checks.record(DataQualityCheck(
            checkName: "odds_completeness", sport: "nba", status: .pass, observedValue: 0.97, threshold: 0.9, checkedAt: Self.day.addingTimeInterval(3600)))
        let review = try await checks.record(DataQualityCheck(
            checkName: "score_consistency", sport: "mlb", status: .fail, action: .manualReview, details: ["game_ids": .array([.integer(7)])],
            jobID: "01J0000000000000000000000Q", checkedAt: Self.day.addingTimeInterval(1800)))
        try await harness.run { client in
            let userToken = try await client.login(user).access
            let token = try await client.login(admin).access
            #expect(try await client.get("/api/v1/admin/quality/checks", token: userToken).status == .forbidden)

            let all = try await client.get("/api/v1/admin/quality/checks", token: token)
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.json["meta"]?["total"]?.int == 3)
            #expect(all.data?.array?.compactMap { $0["checked_at"]?.string } == all.data?.array?.compactMap { $0["checked_at"]?.string }.sorted(by: >))

            let toReview = try await client.get("/api/v1/admin/quality/checks?status=fail&action=manual_review", token: token)
            #expect(toReview.data?.array?.compactMap { $0["id"]?.int } == [review])
            #expect(toReview.data?[0]?["details"]?["game_ids"]?[0]?.int == 7)
            #expect(toReview.data?[0]?["job_id"]?.string == "01J0000000000000000000000Q")
            #expect(toReview.data?[0]?["check_name"]?.string == "score_consistency")

            let failures = try await client.get("/api/v1/admin/quality/checks?status=fail", token: token)
            #expect(failures.json["meta"]?["total"]?.int == 2, "history keeps the NBA failure")
            let failing = try await client.get("/api/v1/admin/quality/checks?status=fail&latest=true", token: token)
            #expect(failing.data?.array?.compactMap { $0["sport"]?.string } == ["mlb"], "the NBA odds passed since: \(failing.text)")
            let nba = try await client.get("/api/v1/admin/quality/checks?sport=nba&latest=true", token: token)
            #expect(nba.data?.array?.compactMap { $0["status"]?.string } == ["pass"])
            #expect(nba.data?[0]?["observed_value"]?.double == 0.97)

            let bad = try await client.get("/api/v1/admin/quality/checks?status=broken", token: token)
            #expect(bad.status == .badRequest)
            #expect(bad.json["error"]?["details"]?["field"]?.string == "status", "\(bad.text)")
        }
    }

    /// `GET /admin/quality/gaps`: the seeded games (one NBA game on March 1st, one NFL game on the 3rd) were never priced nor
    /// resolved, and each gap names the backfill that reloads it.
    @Test func gapsNameTheRangesToBackfill() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let admin = try await harness.user(role: .admin, #function + "-admin")
        _ = try await PredictionEndpointTests.seed(harness.store)
        try await harness.run { client in
            let token = try await client.login(admin).access
            let gaps = try await client.get("/api/v1/admin/quality/gaps?date_from=2026-02-20&date_to=2026-03-10", token: token)
            #expect(gaps.status == .ok, "\(gaps.text)")
            let rows = try #require(gaps.data?.array)
            let described = Set(rows.compactMap { row -> String? in
                guard let sport = row["sport"]?.string, let kind = row["kind"]?.string, let from = row["from"]?.string,
                    let to = row["to"]?.string, let games = row["games"]?.int
                else { return nil }
                return "\(sport) \(kind) \(from) \(to) \(games)"
            })
            #expect(
                described == [
                    "nba missing_odds 2026-03-01 2026-03-01 1", "nba missing_results 2026-03-01 2026-03-01 1",
                    "nfl missing_odds 2026-03-03 2026-03-03 1", "nfl missing_results 2026-03-03 2026-03-03 1",
                ], "\(gaps.text)")
            let command = rows.first { $0["sport"]?.string == "nba" && $0["kind"]?.string == "missing_odds" }?["backfill_command"]?.string
            #expect(command == "aips backfill --from 2026-03-01 --to 2026-03-01 --sports nba --sources odds")
            #expect(try await client.get("/api/v1/admin/quality/gaps?date_from=2026-02-20&date_to=2026-03-10&sport=nfl", token: token).data?.array?.count == 2)

            #expect(try await client.get("/api/v1/admin/quality/gaps?date_from=2026-02-20", token: token).status == .badRequest)
            #expect(try await client.get("/api/v1/admin/quality/gaps?date_from=2025-01-01&date_to=2026-03-10", token: token).status == .badRequest)
            let userToken = try await client.login(user).access
            #expect(try await client.get("/api/v1/admin/quality/gaps?date_from=2026-02-20&date_to=2026-03-10", token: userToken).status == .forbidden)
        }
    }
}
