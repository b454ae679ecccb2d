import API
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// `GET /api/v1/reports/daily`, `/reports/weekly`, `/reports/monthly` and `GET /api/v1/performance` over real HTTP
/// on a real PostgreSQL.
struct ReportEndpointTests {
    /// The nba predictions of `PredictionEndpointTests.seed` settled (a win and a loss) and the day's report stored.
    static func seed(_ store: Store) async throws -> [Int] {
        let ids = try await PredictionEndpointTests.seed(store)
        try await store.predictions.settle(
            id: ids[0], PredictionSettlement(result: .win, closingPrice: 1.80, clv: 1.91 / 1.80 - 1, profit: 0.0091))
        try await store.predictions.settle(id: ids[1], PredictionSettlement(result: .loss, profit: -0.01))
        let summary = PredictionPerformance(
            sport: "nba", wins: 1, losses: 1, meanCLV: 1.91 / 1.80 - 1, clvCount: 1, profit: -0.0009, staked: 0.02)
        try await store.dailyReports.upsert(
            DailyReport(
                day: "2026-03-01", sport: "nba", generatedAt: PredictionEndpointTests.day.addingTimeInterval(86_400), summary: summary,
                byTier: [PredictionPerformance(sport: "nba", tier: .a, wins: 1, profit: 0.0091, staked: 0.01)],
                byBetType: [PredictionPerformance(sport: "nba", betType: .spread, wins: 1, profit: 0.0091, staked: 0.01)],
                trailing30Days: summary, results: [], topPredictions: [], notableMisses: []))
        return ids
    }

    @Test func dailyReportIsServedAndMissingOnesAre404() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        _ = try await Self.seed(harness.store)
        try await harness.run { client in
            #expect(try await client.get("/api/v1/reports/daily?date=2026-03-01&sport=nba").status == .unauthorized)
            let token = try await client.login(user).access
            let reply = try await client.get("/api/v1/reports/daily?date=2026-03-01&sport=nba", token: token)
            #expect(reply.status == .ok, "\(reply.text)")
            let report = try #require(reply.data)
            #expect(report["day"]?.string == "2026-03-01")
            #expect(report["generated_at"]?.string == "2026-03-02T00:00:00Z")
            #expect(report["summary"]?["wins"]?.int == 1)
            #expect(report["summary"]?["accuracy"]?.double == 0.5)
            #expect(report["by_tier"]?[0]?["tier"]?.string == "A")
            #expect(report["by_bet_type"]?[0]?["bet_type"]?.string == "spread")
            #expect(report["top_predictions"]?.array?.isEmpty == true)

            let missing = try await client.get("/api/v1/reports/daily?date=2026-03-02&sport=nba", token: token)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "REPORT_NOT_FOUND")
            for query in [
                "", "date=2026-03-01", "sport=nba", "date=2026-02-30&sport=nba", "date=yesterday&sport=nba", "date=2026-03-01&sport=NBA",
            ] {
                let bad = try await client.get("/api/v1/reports/daily?\(query)", token: token)
                #expect(bad.status == .badRequest, "\(query)")
                #expect(bad.errorCode == "VALIDATION_FAILED", "\(query)")
            }
        }
    }

    @Test func performanceAggregatesGradedPredictions() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        _ = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let reply = try await client.get("/api/v1/performance?sport=nba&from=2026-03-01&to=2026-03-01", token: token)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["meta"]?["from"]?.string == "2026-03-01")
            #expect(reply.json["meta"]?["to"]?.string == "2026-03-01")
            let rows = try #require(reply.data?.array)
            let all = try #require(rows.first)
            #expect(all["sport"]?.string == "nba" && all["bet_type"] == nil && all["tier"] == nil)
            #expect(all["wins"]?.int == 1 && all["losses"]?.int == 1 && all["accuracy"]?.double == 0.5)
            // Forecasts are scored too: a 56.1 % win and a 51.2 % loss.
            #expect(all["forecasts"]?.int == 2)
            #expect(abs((all["log_loss"]?.double ?? 0) - -(log(0.561) + log(1 - 0.512)) / 2) < 1e-9)
            #expect(all["ece"]?.double != nil && all["ece_if_calibrated"]?.double != nil && all["brier"]?.double != nil && all["sharp_count"]?.int == 0)
            #expect(rows.contains { $0["bet_type"]?.string == "spread" && $0["tier"]?.string == "A" && $0["wins"]?.int == 1 })

            let everySport = try await client.get("/api/v1/performance?from=2026-03-01&to=2026-03-03", token: token)
            #expect(everySport.data?[0]?["sport"] == nil && everySport.data?[0]?["settled"]?.int == 2)
            let empty = try await client.get("/api/v1/performance?sport=nfl&from=2026-03-01&to=2026-03-01", token: token)
            #expect(empty.status == .ok && empty.data?.array?.isEmpty == true)
            #expect(try await client.get("/api/v1/performance", token: token).status == .ok)
            for query in ["from=2026-03-05&to=2026-03-01", "from=2020-01-01&to=2026-03-01", "to=tomorrow", "sport=n%20b"] {
                let bad = try await client.get("/api/v1/performance?\(query)", token: token)
                #expect(bad.status == .badRequest, "\(query)")
            }
        }
    }

    @Test func weeklyAndMonthlyReportsCoverUSEasternDays() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        // A pick on a game at 03:00 UTC on Monday 2 March: 22:00 Eastern on Sunday 1 March, still ISO week 9.
        let late = try #require(try await harness.store.query("SELECT game_id FROM predictions WHERE id = \(ids[0])").first)
            .decode(Int.self, "game_id")
        _ = try await harness.store.query(
            "UPDATE games SET scheduled_at = '2026-03-02T03:00:00Z' WHERE id = \(late)")
        try await harness.run { client in
            #expect(try await client.get("/api/v1/reports/weekly?week=2026-W09&sport=nba").status == .unauthorized)
            let token = try await client.login(user).access
            let week = try await client.get("/api/v1/reports/weekly?week=2026-W09&sport=nba", token: token)
            #expect(week.status == .ok, "\(week.text)")
            let report = try #require(week.data)
            #expect(report["kind"]?.string == "week" && report["period"]?.string == "2026-W09")
            #expect(report["from"]?.string == "2026-02-23" && report["to"]?.string == "2026-03-01")
            #expect(report["summary"]?["wins"]?.int == 1 && report["summary"]?["losses"]?.int == 1)
            #expect(report["summary"]?["accuracy"]?.double == 0.5 && report["summary"]?["forecasts"]?.int == 2)
            #expect(report["by_tier"]?.array?.count == 4 && report["by_bet_type"]?.array?.count == 3)
            #expect(report["top_predictions"]?[0]?["prediction_id"]?.int == ids[0])
            #expect(report["top_predictions"]?[0]?["publication"]?.string == "open")
            #expect(report["notable_misses"]?[0]?["prediction_id"]?.int == ids[1])

            // The next week has nothing settled: an empty report, not an error.
            let next = try await client.get("/api/v1/reports/weekly?week=2026-W10&sport=nba", token: token)
            #expect(next.status == .ok && next.data?["summary"]?["settled"]?.int == 0)

            let month = try await client.get("/api/v1/reports/monthly?month=2026-03&sport=nba", token: token)
            #expect(month.status == .ok, "\(month.text)")
            #expect(month.data?["from"]?.string == "2026-03-01" && month.data?["to"]?.string == "2026-03-31")
            #expect(month.data?["summary"]?["settled"]?.int == 2)
            let february = try await client.get("/api/v1/reports/monthly?month=2026-02&sport=nba", token: token)
            #expect(february.data?["to"]?.string == "2026-02-28" && february.data?["summary"]?["settled"]?.int == 0)

            for path in [
                "weekly", "weekly?sport=nba", "weekly?week=2026-W09", "weekly?week=2026-W00&sport=nba", "weekly?week=2025-W53&sport=nba",
                "weekly?week=2026-9&sport=nba", "weekly?week=2026-W9x&sport=nba", "weekly?week=%2B026-W09&sport=nba",
                "weekly?week=2026-W09&sport=NBA", "monthly", "monthly?sport=nba", "monthly?month=2026-13&sport=nba",
                "monthly?month=2026-3&sport=nba", "monthly?month=0000-01&sport=nba", "monthly?month=2026-03-01&sport=nba",
            ] {
                let bad = try await client.get("/api/v1/reports/\(path)", token: token)
                #expect(bad.status == .badRequest, "\(path)")
                #expect(bad.errorCode == "VALIDATION_FAILED", "\(path)")
            }
        }
    }
}
