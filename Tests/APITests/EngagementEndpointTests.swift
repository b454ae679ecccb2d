import API
import Foundation
import HTTPTypes
import Store
import Synchronization
import Testing

/// Engagement metrics (seed 5.2) over real HTTP and Redis: active users and predictions viewed per US Eastern day,
/// the 30-day active users, on the admin endpoint and in `/metrics`.
struct EngagementEndpointTests {
    /// The API's clock, moved by the test.
    final class Clock: Sendable {
        let now: Mutex<Date>
        init(_ start: Date) { now = Mutex(start) }
        func set(_ date: Date) { now.withLock { $0 = date } }
    }

    @Test func activeUsersAndViewsAreCountedPerEasternDay() async throws {
        // 2026-03-02T03:00Z is 22:00 on 2026-03-01 in New York: still the 1st there.
        let evening = Date(timeIntervalSince1970: 1_772_420_400)
        let clock = Clock(evening)
        let harness = try await APITestHarness.make { $0.now = { clock.now.withLock { $0 } } }
        let reader = try await harness.user()
        let browser = try await harness.user(#function + "-browser")
        let admin = try await harness.user(role: .admin, #function + "-admin")
        try await harness.run { client in
            let readerToken = try await client.login(reader).access
            let browserToken = try await client.login(browser).access
            let adminToken = try await client.login(admin).access
            #expect(try await client.get("/api/v1/predictions", token: readerToken).status == .ok)
            #expect(try await client.get("/api/v1/player-props", token: readerToken).status == .ok)
            #expect(try await client.get("/api/v1/games", token: browserToken).status == .ok)

            // The next morning in New York.
            clock.set(evening.addingTimeInterval(12 * 3600))
            #expect(try await client.get("/api/v1/predictions", token: readerToken).status == .ok)
            let reply = try await client.get("/api/v1/admin/engagement?days=2", token: adminToken)
            #expect(reply.status == .ok, "\(reply.text)")
            let report = try #require(reply.data)
            #expect(report["today"]?.string == "2026-03-02")
            #expect(report["time_zone"]?.string == "America/New_York")
            #expect(report["monthly_active_users"]?.int == 3)
            let days = report["days"]?.array ?? []
            #expect(days.compactMap { $0["date"]?.string } == ["2026-03-01", "2026-03-02"])
            #expect(days.compactMap { $0["active_users"]?.int } == [2, 2], "the reader and the browser, then the reader and the admin")
            #expect(days.compactMap { $0["predictions_viewed"]?.int } == [2, 1])

            #expect(try await client.get("/api/v1/admin/engagement", token: adminToken).data?["days"]?.array?.count == 30)
            let metrics = try await client.get("/metrics").text
            #expect(MetricsText.value(metrics, "aips_predictions_viewed_total") == 3, "\(metrics)")
            #expect(MetricsText.value(metrics, "aips_active_users", ["period": "month"]) == 3)
            #expect(MetricsText.value(metrics, "aips_active_users", ["period": "day"]) == 2)
            #expect(MetricsText.value(metrics, "aips_predictions_viewed", ["period": "day"]) == 1)

            for query in ["days=0", "days=401", "days=x"] {
                let bad = try await client.get("/api/v1/admin/engagement?\(query)", token: adminToken)
                #expect(bad.status == .badRequest, "\(query)")
                #expect(bad.errorCode == "VALIDATION_FAILED")
            }
            #expect(try await client.get("/api/v1/admin/engagement", token: readerToken).status == .forbidden)
        }
    }
}
