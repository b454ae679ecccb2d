import Foundation
import HTTPTypes
import Store
import Testing

@testable import API

/// Every answer built on prices and results says which market they came from (`meta.market`, `MarketSource`), as the
/// deployment declares it, over real HTTP on a real PostgreSQL; a model's evaluation page opens with it unless live.
struct MarketEndpointTests {
    /// The reads of prices, results and what is built on them, with what each `meta` must also keep.
    static func pricedReads(prediction: Int, game: Int, model: Int) -> [(path: String, keeps: String?)] {
        [
            ("/api/v1/predictions", "total"), ("/api/v1/predictions/\(prediction)", nil), ("/api/v1/player-props", "total"),
            ("/api/v1/performance?from=2026-03-01&to=2026-03-03", "from"), ("/api/v1/reports/daily?date=2026-03-01&sport=nba", nil),
            ("/api/v1/reports/weekly?week=2026-W09&sport=nba", nil), ("/api/v1/models", "total"), ("/api/v1/models/\(model)", nil),
            ("/api/v1/games", "total"), ("/api/v1/games/\(game)", nil), ("/api/v1/odds?game_id=\(game)", "total"),
            ("/api/v1/betting/bets", "total"), ("/api/v1/betting/summary", nil), ("/api/v1/alerts", "total"),
        ]
    }

    @Test func aSimulatedDeploymentSaysSoOnEveryPricedAnswerAndItsReports() async throws {
        let harness = try await APITestHarness.make { $0.market = .simulated }
        let user = try await harness.user()
        let admin = try await harness.user(role: .admin, "admin")
        let predictions = try await ReportEndpointTests.seed(harness.store)
        let model = try await AdminPromotionEndpointTests.model(harness.store, betType: .moneyline, version: 1)
        try await harness.run(as: user) { client, token in
            let export = try await client.get("/api/v1/admin/predictions/export", token: try await client.login(admin).access)
            #expect(export.status == .ok && export.headers[.init("AIPS-Market")!] == "simulated", "the CSV export says it in a header")
            let game = try #require(try await client.get("/api/v1/predictions/\(predictions[0])", token: token).data?["game_id"]?.int)
            for (path, keeps) in Self.pricedReads(prediction: predictions[0], game: game, model: model) {
                let reply = try await client.get(path, token: token)
                #expect(reply.status == .ok, "\(path): \(reply.text)")
                #expect(reply.json["meta"]?["market"]?.string == "simulated", "\(path): \(reply.text.prefix(300))")
                if let keeps { #expect(reply.json["meta"]?[keeps] != nil, "\(path) keeps meta.\(keeps)") }
            }
            // What is not built on prices carries no label.
            let rules = try await client.get("/api/v1/alerts/rules", token: token)
            #expect(rules.status == .ok && rules.json["meta"] != nil && rules.json["meta"]?["market"] == nil)

            let report = try await client.get("/api/v1/models/\(model)/report", token: token)
            #expect(report.status == .ok)
            #expect(report.text.hasPrefix("<html><body><p class=\"market\""), "\(report.text.prefix(200))")
            #expect(report.text.contains("Market: simulated.") && report.text.contains("not an edge in any real market"))
            #expect(report.text.contains("<h1>model \(model)</h1>"), "the stored page follows")
        }
    }

    @Test func aLiveDeploymentSaysLiveAndLeavesTheReportAsStored() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let predictions = try await ReportEndpointTests.seed(harness.store)
        let model = try await AdminPromotionEndpointTests.model(harness.store, betType: .moneyline, version: 1)
        try await harness.run(as: user) { client, token in
            let list = try await client.get("/api/v1/predictions", token: token)
            #expect(list.json["meta"]?["market"]?.string == "live" && list.json["meta"]?["total"]?.int == predictions.count)
            let report = try await client.get("/api/v1/models/\(model)/report", token: token)
            #expect(report.text == "<html><body><h1>model \(model)</h1></body></html>")
        }
    }

    @Test func theLabelJoinsMetaRatherThanReplacingIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let page = Envelope(data: [1, 2], meta: PageMeta(total: 2, page: 1, limit: 20), market: .replayed)
        #expect(String(decoding: try encoder.encode(page), as: UTF8.self)
            == #"{"data":[1,2],"meta":{"limit":20,"market":"replayed","page":1,"total":2}}"#)
        let one = Envelope(data: "x", meta: EmptyMeta(), market: .live)
        #expect(String(decoding: try encoder.encode(one), as: UTF8.self) == #"{"data":"x","meta":{"market":"live"}}"#)
        let unlabelled = Envelope(data: "x", meta: EmptyMeta())
        #expect(String(decoding: try encoder.encode(unlabelled), as: UTF8.self) == #"{"data":"x","meta":{}}"#)
    }

    @Test func aBannerOpensTheBodyOfAPageThatHasOne() {
        #expect(MarketBanner.inserting(.live, into: "<html><body>x</body></html>") == "<html><body>x</body></html>")
        let replayed = MarketBanner.inserting(.replayed, into: "<html><head></head><body class=\"r\">x</body></html>")
        #expect(replayed.hasPrefix("<html><head></head><body class=\"r\"><p class=\"market\""))
        #expect(replayed.hasSuffix("backtest rather than live.</p>x</body></html>"))
        #expect(MarketBanner.inserting(.simulated, into: "x").hasSuffix("</p>x"), "a page without a body gets it first")
    }
}
