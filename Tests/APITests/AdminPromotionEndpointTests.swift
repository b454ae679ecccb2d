import API
import Essentials
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// `/api/v1/admin/promotions…` over real HTTP on a real PostgreSQL and Redis: only admins may review; the pending
/// list carries the metrics and the shadow comparison; approve promotes, reject keeps the champion and logs the
/// reason; unknown and decided requests answer 404 and 409 in the error envelope; the model's report shows the shadow
/// period.
struct AdminPromotionEndpointTests {
    static let start = Date(timeIntervalSince1970: 1_772_323_200)

    /// A model of the NBA's `betType`, with a stored report; its id.
    static func model(_ store: Store, betType: BetType, version: Int) async throws -> Int {
        let id = try await store.models.register(
            RegisteredModel(
                name: "nba_\(betType.rawValue)_meta", version: version, sport: "nba", betType: betType, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start,
                hyperparameters: ["learners": .array([.string("gbm"), .string("glm")]), "folds": .integer(5)], metrics: ["log_loss": 0.6],
                artifact: Data([UInt8(version)])))
        try await store.modelReports.saveReport(modelID: id, html: "<html><body><h1>model \(id)</h1></body></html>")
        return id
    }

    /// A moneyline champion and a shadow with a pending request and one settled forecast beside it; a total shadow
    /// with a pending request; the ids of the champion, the moneyline shadow and the two requests.
    static func seed(_ store: Store) async throws -> (champion: Int, shadow: Int, moneyline: Int, total: Int) {
        let champion = try await model(store, betType: .moneyline, version: 1)
        try await store.models.promote(id: champion)
        let shadow = try await model(store, betType: .moneyline, version: 2)
        let moneyline = try await store.promotionRequests.open(
            modelID: shadow, championID: champion, metrics: ["log_loss": 0.61, "champion_log_loss": 0.64], reason: "passes")
        let total = try await store.promotionRequests.open(
            modelID: try await model(store, betType: .total, version: 1), championID: nil, metrics: ["log_loss": 0.66], reason: "passes")
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "promo-home", name: "Promo Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "promo-away", name: "Promo Away"))
        let game = try await store.games.upsert(
            Game(
                sport: "nba", externalID: "promo", homeTeamID: home, awayTeamID: away, scheduledAt: start, status: .final, homeScore: 100,
                awayScore: 90))
        try await store.shadowForecasts.insert([
            ShadowForecast(
                modelID: shadow, gameID: game, championID: champion, betType: .moneyline, line: nil, probability: 0.8,
                championProbability: 0.6, forecastAt: start.addingTimeInterval(-3_600))
        ])
        try await store.shadowForecasts.grade(modelID: shadow, gameID: game, result: .win)
        return (champion, shadow, moneyline, total)
    }

    @Test func onlyAdminsReviewPromotions() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let calls: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/admin/promotions", nil), (.get, "/api/v1/admin/promotions/\(ids.moneyline)", nil),
                (.post, "/api/v1/admin/promotions/\(ids.moneyline)/approve", nil),
                (.post, "/api/v1/admin/promotions/\(ids.moneyline)/reject", #"{"reason":"no"}"#),
            ]
            for (method, path, body) in calls {
                let reply = try await client.request(method, path, token: token, body: body)
                #expect(reply.status == .forbidden, "\(method) \(path) → \(reply.text)")
                #expect(reply.errorCode == "FORBIDDEN", "\(method) \(path)")
                #expect(try await client.request(method, path, body: body).status == .unauthorized, "\(method) \(path) without a token")
            }
            #expect(try await harness.store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == ids.champion, "nothing changed")
            #expect(try await harness.store.promotionRequests.pending().count == 2)
        }
    }

    @Test func adminListsApprovesAndRejectsPendingRequests() async throws {
        // The moneyline shadow has one settled game beside the champion: one short of its shadow period.
        let harness = try await APITestHarness.make { $0.promotionShadowGames = 2 }
        let admin = try await harness.user(role: .admin)
        let ids = try await Self.seed(harness.store)
        try await harness.run(as: admin) { client, token in
            let list = try await client.get("/api/v1/admin/promotions", token: token)
            #expect(list.status == .ok, "\(list.text)")
            #expect(list.json["meta"]?["total"]?.int == 2)
            let entries = list.data?.array ?? []
            #expect(entries.compactMap { $0["id"]?.int } == [ids.moneyline, ids.total], "oldest first")
            let first = try #require(entries.first)
            #expect(first["model_id"]?.int == ids.shadow && first["champion_id"]?.int == ids.champion)
            #expect(first["model_status"]?.string == "shadow" && first["status"]?.string == "pending")
            #expect(first["metrics"]?["champion_log_loss"]?.double == 0.64)
            #expect(first["shadow"]?["forecasts"]?.int == 1)
            #expect(first["shadow"]?["paired"]?["champion"]?["count"]?.int == 1)
            let shadowLoss = try #require(first["shadow"]?["paired"]?["shadow"]?["log_loss"]?.double)
            let championLoss = try #require(first["shadow"]?["paired"]?["champion"]?["log_loss"]?.double)
            #expect(abs(shadowLoss + log(0.8)) < 1e-9 && abs(championLoss + log(0.6)) < 1e-9)
            #expect(abs((first["shadow"]?["log_loss_difference"]?.double ?? 0) - (shadowLoss - championLoss)) < 1e-9)
            #expect(first["shadow"]?["settled_games"]?.int == 1 && first["shadow"]?["required_games"]?.int == 2)
            #expect(first["shadow"]?["complete"]?.bool == false)
            let sorted = try await client.get("/api/v1/admin/promotions?sort=requested_at&order=desc", token: token)
            #expect(sorted.data?.array?.compactMap { $0["id"]?.int } == [ids.total, ids.moneyline])

            // The shadow's report shows its shadow period beside the stored page.
            let report = try await client.get("/api/v1/models/\(ids.shadow)/report", token: token)
            #expect(report.status == .ok && report.text.contains("Shadow period") && report.text.contains("#\(ids.moneyline): pending"))
            #expect(report.text.contains("<h1>model \(ids.shadow)</h1>"))
            #expect(try await client.get("/api/v1/models/\(ids.champion)/report", token: token).text.contains("Shadow period") == false)

            // Before its shadow period is complete, an approval has to be forced.
            let early = try await client.request(.post, "/api/v1/admin/promotions/\(ids.moneyline)/approve", token: token)
            #expect(early.status == .conflict && early.errorCode == "SHADOW_PERIOD_INCOMPLETE", "\(early.text)")
            #expect(early.json["error"]?["details"]?["settled_games"]?.int == 1)
            #expect(early.json["error"]?["details"]?["required_games"]?.int == 2)
            #expect(try await harness.store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == ids.champion, "nothing changed")
            let badFlag = try await client.request(.post, "/api/v1/admin/promotions/\(ids.moneyline)/approve?force=yes", token: token)
            #expect(badFlag.status == .badRequest && badFlag.errorCode == "VALIDATION_FAILED", "\(badFlag.text)")

            let approved = try await client.request(.post, "/api/v1/admin/promotions/\(ids.moneyline)/approve?force=true", token: token)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(approved.data?["status"]?.string == "approved" && approved.data?["model_status"]?.string == "champion")
            #expect(approved.data?["decided_by"]?.string == admin.id)
            #expect(try await harness.store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == ids.shadow)
            #expect(try await harness.store.models.find(id: ids.champion)?.status == .retired)
            let model = try await client.get("/api/v1/models/\(ids.shadow)", token: token)
            #expect(model.data?["events"]?.array?.first?["kind"]?.string == "promoted")
            #expect(model.data?["hyperparameters"]?["folds"]?.int == 5, "\(model.text)")
            #expect(model.data?["hyperparameters"]?["learners"]?.array?.count == 2)
            let promotedReason = model.data?["events"]?.array?.first?["reason"]?.string ?? ""
            #expect(promotedReason.contains("before its shadow period was complete (1 of 2 settled games)"), "\(promotedReason)")

            let again = try await client.request(.post, "/api/v1/admin/promotions/\(ids.moneyline)/approve", token: token)
            #expect(again.status == .conflict && again.errorCode == "PROMOTION_NOT_PENDING", "\(again.text)")
            #expect(again.json["error"]?["details"]?["status"]?.string == "approved")
            let unknown = try await client.request(.post, "/api/v1/admin/promotions/999999/approve", token: token)
            #expect(unknown.status == .notFound && unknown.errorCode == "PROMOTION_NOT_FOUND", "\(unknown.text)")
            #expect(try await client.get("/api/v1/admin/promotions/999999", token: token).status == .notFound)
            #expect(try await client.get("/api/v1/admin/promotions/zero", token: token).status == .badRequest)

            let blank = try await client.post("/api/v1/admin/promotions/\(ids.total)/reject", token: token, json: #"{"reason":"  "}"#)
            #expect(blank.status == .badRequest && blank.errorCode == "VALIDATION_FAILED", "\(blank.text)")
            // Past the route's 8 KiB: a 413, never a 500 (the API fuzz found one).
            let long = #"{"reason":""# + String(repeating: "x", count: 9_000) + #""}"#
            let tooLong = try await client.post("/api/v1/admin/promotions/\(ids.total)/reject", token: token, json: long)
            #expect(tooLong.status == .contentTooLarge && tooLong.errorCode == "PAYLOAD_TOO_LARGE", "\(tooLong.text)")
            let rejected = try await client.post(
                "/api/v1/admin/promotions/\(ids.total)/reject", token: token, json: #"{"reason":"shadow log loss worse over two weeks"}"#)
            #expect(rejected.status == .ok, "\(rejected.text)")
            #expect(rejected.data?["status"]?.string == "rejected" && rejected.data?["model_status"]?.string == "challenger")
            #expect(rejected.data?["reason"]?.string == "shadow log loss worse over two weeks")
            let totalModel = try #require(rejected.data?["model_id"]?.int)
            let events = try await harness.store.modelReports.events(modelID: totalModel)
            #expect(events.first?.kind == .rejected && events.first?.reason.hasSuffix("shadow log loss worse over two weeks") == true)
            #expect(try await harness.store.models.champion(sport: "nba", betType: .total, publication: .gameDay) == nil)
            let late = try await client.post("/api/v1/admin/promotions/\(ids.total)/reject", token: token, json: #"{"reason":"again"}"#)
            #expect(late.status == .conflict && late.errorCode == "PROMOTION_NOT_PENDING")

            let empty = try await client.get("/api/v1/admin/promotions", token: token)
            #expect(empty.data?.array?.isEmpty == true && empty.json["meta"]?["total"]?.int == 0)
            #expect(try await client.get("/api/v1/admin/promotions/\(ids.total)", token: token).data?["status"]?.string == "rejected")
        }
    }
}
