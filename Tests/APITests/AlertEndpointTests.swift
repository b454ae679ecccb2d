import API
import Foundation
import HTTPTypes
import Store
import Testing

/// Alerts to new picks over real HTTP on a real PostgreSQL: a user's rules, the alerts a prediction run raises from
/// them (a pick once per user, however many rules match), the inbox, opening one, and the click-through rate on
/// `GET /admin/engagement`.
struct AlertEndpointTests {
    @Test func rulesRaiseAlertsOnceAndOpeningOneCountsAsAClickThrough() async throws {
        let harness = try await APITestHarness.make()
        let alice = try await harness.user()
        let bob = try await harness.user(#function + "-bob")
        let admin = try await harness.user(role: .admin, #function + "-admin")
        try await harness.run { client in
            let token = try await client.login(alice).access
            let bobToken = try await client.login(bob).access
            let adminToken = try await client.login(admin).access

            let nba = try await client.post("/api/v1/alerts/rules", token: token, json: #"{"sport":"nba","min_tier":"b"}"#)
            #expect(nba.status == .created, "\(nba.text)")
            #expect(nba.data?["min_tier"]?.string == "B" && nba.data?["bet_type"] == nil)
            let nbaRule = try #require(nba.data?["id"]?.int)
            #expect(try await client.post("/api/v1/alerts/rules", token: token, json: #"{"sport":"nba","min_tier":"A"}"#).errorCode == "ALERT_RULE_EXISTS")
            let spread = try await client.post("/api/v1/alerts/rules", token: token, json: #"{"bet_type":"spread","min_tier":"A"}"#)
            #expect(spread.status == .created, "\(spread.text)")
            for (body, field) in [
                (#"{"min_tier":"E"}"#, "min_tier"), (#"{"bet_type":"parlay","min_tier":"A"}"#, "bet_type"), (#"{"sport":"NBA","min_tier":"A"}"#, "sport"),
            ] {
                let bad = try await client.post("/api/v1/alerts/rules", token: token, json: body)
                #expect(bad.status == .badRequest && bad.json["error"]?["details"]?["field"]?.string == field, "\(body): \(bad.text)")
            }
            #expect(try await client.post("/api/v1/alerts/rules", token: token, json: #"{"sport":"nba"}"#).status == .badRequest)

            // Picks made after the rules: nba spread A (both rules), nba total C (below B), nfl spread A (the spread rule),
            // nfl total C (no rule).
            let picks = try await PredictionEndpointTests.seed(harness.store)
            #expect(try await harness.store.alerts.raiseForNewPicks() == 2)
            #expect(try await harness.store.alerts.raiseForNewPicks() == 0, "a pick alerts a user once")

            let inbox = try await client.get("/api/v1/alerts", token: token)
            #expect(inbox.status == .ok, "\(inbox.text)")
            #expect(inbox.json["meta"]?["total"]?.int == 2)
            let alerts = try #require(inbox.data?.array)
            #expect(Set(alerts.compactMap { $0["pick"]?["prediction_id"]?.int }) == [picks[0], picks[2]])
            #expect(alerts.allSatisfy { $0["opened_at"] == nil && $0["pick"]?["tier"]?.string == "A" && $0["pick"]?["home_team"]?.string == "Home" })
            let nbaAlert = try #require(alerts.first { $0["pick"]?["sport"]?.string == "nba" })
            #expect(nbaAlert["rule_id"]?.int == nbaRule, "the first matching rule raised it")
            let nbaAlertID = try #require(nbaAlert["id"]?.int)

            let opened = try await client.get("/api/v1/alerts/\(nbaAlertID)", token: token)
            #expect(opened.status == .ok, "\(opened.text)")
            #expect(opened.data?["opened_at"]?.string != nil)
            #expect(opened.data?["prediction"]?["id"]?.int == picks[0])
            #expect(try await client.get("/api/v1/alerts?unread=true", token: token).json["meta"]?["total"]?.int == 1)

            // Another user's alert does not exist for bob, and his inbox is empty.
            #expect(try await client.get("/api/v1/alerts/\(nbaAlertID)", token: bobToken).errorCode == "ALERT_NOT_FOUND")
            #expect(try await client.get("/api/v1/alerts", token: bobToken).json["meta"]?["total"]?.int == 0)
            #expect(try await client.get("/api/v1/alerts").status == .unauthorized)

            let engagement = try await client.get("/api/v1/admin/engagement?days=1", token: adminToken)
            #expect(engagement.data?["alerts"]?["raised"]?.int == 2, "\(engagement.text)")
            #expect(engagement.data?["alerts"]?["opened"]?.int == 1)
            #expect(engagement.data?["alerts"]?["click_through_rate"]?.double == 0.5)

            // Deleting a rule keeps the alerts it raised.
            #expect(try await client.request(.delete, "/api/v1/alerts/rules/\(nbaRule)", token: bobToken).errorCode == "ALERT_RULE_NOT_FOUND")
            #expect(try await client.request(.delete, "/api/v1/alerts/rules/\(nbaRule)", token: token).status == .noContent)
            #expect(try await client.request(.delete, "/api/v1/alerts/rules/\(nbaRule)", token: token).status == .notFound)
            #expect(try await client.get("/api/v1/alerts/rules", token: token).data?.array?.count == 1)
            let kept = try await client.get("/api/v1/alerts", token: token)
            #expect(kept.json["meta"]?["total"]?.int == 2)
            #expect(kept.data?.array?.first { $0["id"]?.int == nbaAlertID }?["rule_id"] == nil)

            // At most 20 rules.
            for index in 1..<AlertRepository.maximumRules {
                let added = try await client.post("/api/v1/alerts/rules", token: token, json: #"{"sport":"s\#(index)","min_tier":"D"}"#)
                #expect(added.status == .created, "\(added.text)")
            }
            #expect(try await client.post("/api/v1/alerts/rules", token: token, json: #"{"sport":"one_more","min_tier":"D"}"#).errorCode == "TOO_MANY_ALERT_RULES")
        }
    }
}
