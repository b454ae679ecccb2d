import API
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// `/api/v1/betting…` over real HTTP on a real PostgreSQL: the bankroll ledger, bets from picks and by hand, their
/// validation and idempotency, privacy between users, the summary and stake suggestions.
struct BettingEndpointTests {
    /// A game of `name` (of `sport`) starting `startsIn` seconds from now (negative: started), and a spread pick on it
    /// (home −3.5 at 1.91 at "book", Kelly fraction 0.02); returns both ids.
    static func seed(
        _ store: Store, _ name: String = #function, sport: String = "nba", startsIn: TimeInterval = 86_400, status: GameStatus = .scheduled
    ) async throws -> (game: Int, pick: Int, forecast: Int) {
        let key = String(name.prefix(while: { $0 != "(" }))
        let home = try await store.teams.upsert(Team(sport: sport, externalID: "\(key)-home", name: "Home"))
        let away = try await store.teams.upsert(Team(sport: sport, externalID: "\(key)-away", name: "Away"))
        let game = try await store.games.upsert(Game(
            sport: sport, externalID: key, homeTeamID: home, awayTeamID: away, scheduledAt: Date().addingTimeInterval(startsIn), status: status))
        let model = try await store.models.register(RegisteredModel(
            name: "bet_test_\(key)", version: 1, sport: "nba", betType: .spread, publication: .gameDay, featureSetVersion: "v1",
            trainingStart: Date().addingTimeInterval(-86_400 * 365), trainingEnd: Date(), artifact: Data([1])))
        var ids: [Int] = []
        for (betType, pick) in [(BetType.spread, true), (.total, false)] {
            let prediction = Prediction(
                gameID: game, modelID: model, sport: "nba", betType: betType, selection: betType == .spread ? "home" : "over",
                line: betType == .spread ? -3.5 : 220.5, probability: 0.58, price: 1.91, edge: 0.056, tier: .a, stake: pick ? 0.02 : 0,
                pick: pick, bookmaker: "book", publication: .open, publishedAt: Date(), hashVersion: PredictionFingerprint.currentVersion,
                predictionHash: "")
            ids.append(try #require(try await store.predictions.insertHashed(prediction)))
        }
        return (game, ids[0], ids[1])
    }

    static func deposit(_ client: APIClient, _ token: String, _ amount: String) async throws {
        let reply = try await client.post("/api/v1/betting/bankroll", token: token, json: #"{"type":"deposit","amount":\#(amount)}"#)
        #expect(reply.status == .created, "\(reply.text)")
    }

    /// A logged-in user with `deposit` in their bankroll, and a seeded game with a pick, on a running API.
    static func withBettor(
        deposit amount: String, _ name: String = #function,
        _ body: @escaping @Sendable (APIClient, String, (game: Int, pick: Int, forecast: Int)) async throws -> Void
    ) async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let seeded = try await seed(harness.store, name)
        try await harness.run(as: user) { client, token in
            try await deposit(client, token, amount)
            try await body(client, token, seeded)
        }
    }

    @Test func depositsAndWithdrawalsKeepALedger() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run(as: user) { client, token in
            let empty = try await client.get("/api/v1/betting/bankroll", token: token)
            #expect(empty.status == .ok && empty.data?["balance"]?.double == 0 && empty.json["meta"]?["total"]?.int == 0)
            try await Self.deposit(client, token, "100")
            let withdrawn = try await client.post(
                "/api/v1/betting/bankroll", token: token, json: #"{"type":"withdrawal","amount":30.5,"note":"rent"}"#)
            #expect(withdrawn.status == .created, "\(withdrawn.text)")
            #expect(withdrawn.data?["balance"]?.double == 69.5 && withdrawn.data?["available"]?.double == 69.5)
            #expect(withdrawn.data?["entries"]?[0]?["amount"]?.double == -30.5 && withdrawn.data?["entries"]?[0]?["note"]?.string == "rent")

            let tooMuch = try await client.post("/api/v1/betting/bankroll", token: token, json: #"{"type":"withdrawal","amount":69.51}"#)
            #expect(tooMuch.status == .conflict && tooMuch.errorCode == "INSUFFICIENT_BANKROLL", "\(tooMuch.text)")
            #expect(tooMuch.json["error"]?["details"]?["available"]?.double == 69.5)
            for body in [
                #"{"type":"deposit","amount":0}"#, #"{"type":"deposit","amount":1.001}"#, #"{"type":"deposit","amount":-5}"#,
                #"{"type":"bet_result","amount":5}"#, #"{"type":"gift","amount":5}"#, #"{"amount":5}"#, #"{"type":"deposit","amount":1e12}"#,
            ] {
                let reply = try await client.post("/api/v1/betting/bankroll", token: token, json: body)
                #expect(reply.status == .badRequest && reply.errorCode == "VALIDATION_FAILED", "\(body) → \(reply.text)")
            }

            let ledger = try await client.get("/api/v1/betting/bankroll?limit=1", token: token)
            #expect(ledger.data?["balance"]?.double == 69.5)
            #expect(ledger.json["meta"]?["total"]?.int == 2 && ledger.data?["entries"]?.array?.count == 1)
            #expect(ledger.data?["entries"]?[0]?["type"]?.string == "withdrawal", "newest first")
        }
    }

    @Test func betFromAPickCopiesItAndHoldsTheStake() async throws {
        try await Self.withBettor(deposit: "1000") { client, token, seeded in
            let reply = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"stake":25}"#)
            #expect(reply.status == .created, "\(reply.text)")
            let bet = try #require(reply.data)
            #expect(bet["game_id"]?.int == seeded.game && bet["prediction_id"]?.int == seeded.pick && bet["sport"]?.string == "nba")
            #expect(bet["bet_type"]?.string == "spread" && bet["selection"]?.string == "home" && bet["line"]?.double == -3.5)
            #expect(bet["price"]?.double == 1.91 && bet["american_price"]?.double == -110 && bet["bookmaker"]?.string == "book")
            #expect(bet["stake"]?.double == 25 && bet["potential_payout"]?.double == 47.75 && bet["status"]?.string == "pending")

            let bankroll = try await client.get("/api/v1/betting/bankroll", token: token)
            #expect(bankroll.data?["balance"]?.double == 1000 && bankroll.data?["pending_stakes"]?.double == 25)
            #expect(bankroll.data?["available"]?.double == 975)

            // A forecast that is not a pick, an unknown prediction, and fields a pick already fixes.
            let forecast = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.forecast),"stake":5}"#)
            #expect(forecast.status == .unprocessableContent && forecast.errorCode == "PREDICTION_NOT_A_PICK", "\(forecast.text)")
            let unknown = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":999999,"stake":5}"#)
            #expect(unknown.status == .unprocessableContent && unknown.errorCode == "PREDICTION_NOT_FOUND")
            let mixed = try await client.post(
                "/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"selection":"away","stake":5}"#)
            #expect(mixed.status == .badRequest && mixed.json["error"]?["details"]?["field"]?.string == "selection")

            let list = try await client.get("/api/v1/betting/bets?status=pending", token: token)
            #expect(list.json["meta"]?["total"]?.int == 1 && list.data?[0]?["id"] == bet["id"])
            #expect(try await client.get("/api/v1/betting/bets?status=settled", token: token).json["meta"]?["total"]?.int == 0)
        }
    }

    @Test func manualBetTakesAmericanOdds() async throws {
        try await Self.withBettor(deposit: "100") { client, token, seeded in
            let favourite = try await client.post(
                "/api/v1/betting/bets", token: token,
                json: #"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"away","american_price":-150,"stake":10,"bookmaker":"mybook"}"#)
            #expect(favourite.status == .created, "\(favourite.text)")
            #expect(abs((favourite.data?["price"]?.double ?? 0) - (1 + 100.0 / 150)) < 1e-12)
            #expect(favourite.data?["american_price"]?.double == -150 && favourite.data?["line"] == nil)
            #expect(favourite.data?["potential_payout"]?.double == 16.66 && favourite.data?["bookmaker"]?.string == "mybook")
            let underdog = try await client.post(
                "/api/v1/betting/bets", token: token,
                json: #"{"game_id":\#(seeded.game),"bet_type":"total","selection":"under","line":221.5,"american_price":150,"stake":4.5}"#)
            #expect(underdog.status == .created && underdog.data?["price"]?.double == 2.5 && underdog.data?["american_price"]?.double == 150)

            for (body, field) in [
                (#"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"away","american_price":-50,"stake":1}"#, "american_price"),
                (#"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"away","price":2,"american_price":100,"stake":1}"#, "american_price"),
                (#"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"away","stake":1}"#, "price"),
                (#"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"over","price":2,"stake":1}"#, "selection"),
                (#"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"home","line":3,"price":2,"stake":1}"#, "line"),
                (#"{"game_id":\#(seeded.game),"bet_type":"spread","selection":"home","price":2,"stake":1}"#, "line"),
                (#"{"game_id":\#(seeded.game),"bet_type":"player_prop","selection":"home","price":2,"stake":1}"#, "bet_type"),
                (#"{"game_id":\#(seeded.game),"bet_type":"total","selection":"over","line":210,"price":1,"stake":1}"#, "price"),
                (#"{"bet_type":"total","selection":"over","line":210,"price":2,"stake":1}"#, "game_id"),
                (#"{"game_id":\#(seeded.game),"bet_type":"total","selection":"over","line":210,"price":2,"stake":0}"#, "stake"),
            ] {
                let reply = try await client.post("/api/v1/betting/bets", token: token, json: body)
                #expect(reply.status == .badRequest, "\(body) → \(reply.text)")
                #expect(reply.json["error"]?["details"]?["field"]?.string == field, "\(body) → \(reply.text)")
            }
            let noGame = try await client.post(
                "/api/v1/betting/bets", token: token, json: #"{"game_id":999999,"bet_type":"moneyline","selection":"home","price":2,"stake":1}"#)
            #expect(noGame.status == .unprocessableContent && noGame.errorCode == "GAME_NOT_FOUND")
        }
    }

    @Test func aDrawIsBetOnlyOnAThreeWayMoneyline() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let basketball = try await Self.seed(harness.store, "basketball")
        let soccer = try await Self.seed(harness.store, "soccer", sport: "epl")
        try await harness.run(as: user) { client, token in
            try await Self.deposit(client, token, "20")
            func draw(_ game: Int, _ betType: String = "moneyline") -> String {
                #"{"game_id":\#(game),"bet_type":"\#(betType)","selection":"draw","american_price":240,"stake":2}"#
            }
            let bet = try await client.post("/api/v1/betting/bets", token: token, json: draw(soccer.game))
            #expect(bet.status == .created, "\(bet.text)")
            #expect(bet.data?["selection"]?.string == "draw" && bet.data?["sport"]?.string == "epl")
            for body in [draw(basketball.game), draw(soccer.game, "spread")] {
                let refused = try await client.post("/api/v1/betting/bets", token: token, json: body)
                #expect(refused.status == .badRequest && refused.json["error"]?["details"]?["field"]?.string == "selection", "\(refused.text)")
            }
            #expect(try await client.get("/api/v1/betting/bankroll", token: token).data?["available"]?.double == 18, "nothing staked twice")
        }
    }

    @Test func betsOnStartedGamesAndAboveTheBankrollAreRefused() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let upcoming = try await Self.seed(harness.store, "upcoming")
        let started = try await Self.seed(harness.store, "started", startsIn: -600)
        let live = try await Self.seed(harness.store, "live", startsIn: 600, status: .inProgress)
        try await harness.run(as: user) { client, token in
            try await Self.deposit(client, token, "50")
            for game in [started.game, live.game] {
                let reply = try await client.post(
                    "/api/v1/betting/bets", token: token, json: #"{"game_id":\#(game),"bet_type":"moneyline","selection":"home","price":2,"stake":1}"#)
                #expect(reply.status == .conflict && reply.errorCode == "GAME_STARTED", "\(reply.text)")
            }
            let fromPick = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(started.pick),"stake":1}"#)
            #expect(fromPick.errorCode == "GAME_STARTED")

            let over = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(upcoming.pick),"stake":50.01}"#)
            #expect(over.status == .conflict && over.errorCode == "INSUFFICIENT_BANKROLL", "\(over.text)")
            // Pending stakes count: 30 then 30 more of a 50 bankroll is refused.
            #expect(try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(upcoming.pick),"stake":30}"#).status == .created)
            let second = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(upcoming.pick),"stake":30}"#)
            #expect(second.errorCode == "INSUFFICIENT_BANKROLL" && second.json["error"]?["details"]?["available"]?.double == 20)
            let withdrawal = try await client.post("/api/v1/betting/bankroll", token: token, json: #"{"type":"withdrawal","amount":25}"#)
            #expect(withdrawal.errorCode == "INSUFFICIENT_BANKROLL")
            #expect(try await client.get("/api/v1/betting/bets", token: token).json["meta"]?["total"]?.int == 1)
        }
    }

    @Test func creationIsIdempotentUnderAClientKey() async throws {
        try await Self.withBettor(deposit: "100") { client, token, seeded in
            var key = HTTPFields()
            key[HTTPField.Name("Idempotency-Key")!] = "bet-1"
            let body = #"{"prediction_id":\#(seeded.pick),"stake":10}"#
            let first = try await client.request(.post, "/api/v1/betting/bets", token: token, body: body, headers: key)
            #expect(first.status == .created, "\(first.text)")
            let again = try await client.request(.post, "/api/v1/betting/bets", token: token, body: body, headers: key)
            #expect(again.status == .ok && again.data?["id"] == first.data?["id"] && again.data?["client_key"]?.string == "bet-1")
            // The same key in the body is the same request.
            let inBody = try await client.post(
                "/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"stake":10,"client_key":"bet-1"}"#)
            #expect(inBody.status == .ok && inBody.data?["id"] == first.data?["id"])
            let different = try await client.request(
                .post, "/api/v1/betting/bets", token: token, body: #"{"prediction_id":\#(seeded.pick),"stake":11}"#, headers: key)
            #expect(different.status == .conflict && different.errorCode == "IDEMPOTENCY_CONFLICT", "\(different.text)")
            let twoKeys = try await client.request(
                .post, "/api/v1/betting/bets", token: token, body: #"{"prediction_id":\#(seeded.pick),"stake":10,"client_key":"other"}"#, headers: key)
            #expect(twoKeys.status == .badRequest)

            let deposit = #"{"type":"deposit","amount":5,"client_key":"dep-1"}"#
            #expect(try await client.post("/api/v1/betting/bankroll", token: token, json: deposit).status == .created)
            #expect(try await client.post("/api/v1/betting/bankroll", token: token, json: deposit).status == .ok)
            let reused = try await client.post("/api/v1/betting/bankroll", token: token, json: #"{"type":"deposit","amount":6,"client_key":"dep-1"}"#)
            #expect(reused.errorCode == "IDEMPOTENCY_CONFLICT")

            let bankroll = try await client.get("/api/v1/betting/bankroll", token: token)
            #expect(bankroll.data?["balance"]?.double == 105 && bankroll.data?["pending_stakes"]?.double == 10)
            #expect(try await client.get("/api/v1/betting/bets", token: token).json["meta"]?["total"]?.int == 1)
        }
    }

    @Test func usersSeeOnlyTheirOwnBetsAndBankroll() async throws {
        let harness = try await APITestHarness.make()
        let owner = try await harness.user(#function + "owner")
        let other = try await harness.user(#function + "other")
        let seeded = try await Self.seed(harness.store)
        try await harness.run { client in
            let ownerToken = try await client.login(owner).access
            let otherToken = try await client.login(other).access
            try await Self.deposit(client, ownerToken, "100")
            let bet = try await client.post("/api/v1/betting/bets", token: ownerToken, json: #"{"prediction_id":\#(seeded.pick),"stake":10}"#)
            let id = try #require(bet.data?["id"]?.int)
            #expect(try await client.get("/api/v1/betting/bets/\(id)", token: ownerToken).status == .ok)

            let peek = try await client.get("/api/v1/betting/bets/\(id)", token: otherToken)
            #expect(peek.status == .notFound && peek.errorCode == "BET_NOT_FOUND")
            #expect(try await client.request(.delete, "/api/v1/betting/bets/\(id)", token: otherToken).status == .notFound)
            #expect(try await client.get("/api/v1/betting/bets", token: otherToken).json["meta"]?["total"]?.int == 0)
            let theirs = try await client.get("/api/v1/betting/bankroll", token: otherToken)
            #expect(theirs.data?["balance"]?.double == 0 && theirs.json["meta"]?["total"]?.int == 0)
            #expect(try await client.get("/api/v1/betting/summary", token: otherToken).data?["overall"]?["bets"]?.int == 0)
            // The same client key is each user's own.
            try await Self.deposit(client, otherToken, "10")
            #expect(try await client.get("/api/v1/betting/bets/\(id)").status == .unauthorized)
        }
    }

    @Test func pendingBetsCanBeVoidedBeforeTheStart() async throws {
        try await Self.withBettor(deposit: "100") { client, token, seeded in
            let bet = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"stake":40}"#)
            let id = try #require(bet.data?["id"]?.int)
            let voided = try await client.request(.delete, "/api/v1/betting/bets/\(id)", token: token)
            #expect(voided.status == .ok && voided.data?["status"]?.string == "void", "\(voided.text)")
            #expect(try await client.get("/api/v1/betting/bankroll", token: token).data?["available"]?.double == 100)
            let twice = try await client.request(.delete, "/api/v1/betting/bets/\(id)", token: token)
            #expect(twice.status == .conflict && twice.errorCode == "BET_NOT_PENDING")
            #expect(try await client.request(.delete, "/api/v1/betting/bets/0", token: token).status == .badRequest)
        }
    }

    @Test func summaryComputesProfitROIAndCLV() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let seeded = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            try await Self.deposit(client, token, "1000")
            var ids: [Int] = []
            for (selection, price, stake) in [("home", 2.0, 100), ("away", 1.8, 50), ("home", 1.9, 20)] {
                let reply = try await client.post(
                    "/api/v1/betting/bets", token: token,
                    json: #"{"game_id":\#(seeded.game),"bet_type":"moneyline","selection":"\#(selection)","price":\#(price),"stake":\#(stake)}"#)
                ids.append(try #require(reply.data?["id"]?.int, "\(reply.text)"))
            }
            // Graded as settlement does (the grading itself is tested with the settle job): a win beating the close by
            // 5 %, a loss 2 % behind it, and a push without a close.
            let store = harness.store
            #expect(try await store.trackedBets.settle(id: ids[0], result: .win, profitCents: 10_000, closingPrice: 1.9, clv: 0.05, at: Date()))
            #expect(try await store.trackedBets.settle(id: ids[1], result: .loss, profitCents: -5_000, closingPrice: 1.84, clv: -0.02, at: Date()))
            #expect(try await store.trackedBets.settle(id: ids[2], result: .push, profitCents: 0, closingPrice: nil, clv: nil, at: Date()))

            let summary = try await client.get("/api/v1/betting/summary", token: token)
            #expect(summary.status == .ok, "\(summary.text)")
            let overall = try #require(summary.data?["overall"])
            #expect(overall["bets"]?.int == 3 && overall["wins"]?.int == 1 && overall["losses"]?.int == 1 && overall["pushes"]?.int == 1)
            #expect(overall["staked"]?.double == 150 && overall["profit"]?.double == 50)
            #expect(abs((overall["roi"]?.double ?? 0) - 1.0 / 3) < 1e-12)
            #expect(abs((overall["mean_clv"]?.double ?? 0) - 0.015) < 1e-12)
            #expect(overall["clv_bets"]?.int == 2 && overall["beat_close_rate"]?.double == 0.5 && overall["win_rate"]?.double == 0.5)
            #expect(summary.data?["by_market"]?[0]?["bet_type"]?.string == "moneyline")
            #expect(summary.data?["by_sport"]?[0]?["sport"]?.string == "nba" && summary.data?["by_sport"]?[0]?["profit"]?.double == 50)
            #expect(try await client.get("/api/v1/betting/summary?sport=nfl", token: token).data?["overall"]?["bets"]?.int == 0)

            let bankroll = try await client.get("/api/v1/betting/bankroll", token: token)
            #expect(bankroll.data?["balance"]?.double == 1050 && bankroll.data?["pending_stakes"]?.double == 0)
            let settled = try await client.get("/api/v1/betting/bets?status=settled&sort=profit&order=desc", token: token)
            #expect(settled.data?.array?.compactMap { $0["profit"]?.double } == [100, 0, -50])
            #expect(try await client.get("/api/v1/betting/summary?date_from=2026-13-01", token: token).status == .badRequest)
        }
    }

    @Test func stakeSuggestionIsThePicksKellyFractionOfTheAvailableBankroll() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let seeded = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            let broke = try await client.get("/api/v1/betting/stake?prediction_id=\(seeded.pick)", token: token)
            #expect(broke.status == .ok && broke.data?["suggested_stake"]?.double == 0, "\(broke.text)")
            try await Self.deposit(client, token, "1000")
            let full = try await client.get("/api/v1/betting/stake?prediction_id=\(seeded.pick)", token: token)
            #expect(full.data?["kelly_fraction"]?.double == 0.02 && full.data?["suggested_stake"]?.double == 20)
            #expect(full.data?["american_price"]?.double == -110 && full.data?["tier"]?.string == "A")
            _ = try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"stake":100}"#)
            let held = try await client.get("/api/v1/betting/stake?prediction_id=\(seeded.pick)", token: token)
            #expect(held.data?["available"]?.double == 900 && held.data?["suggested_stake"]?.double == 18)

            #expect(try await client.get("/api/v1/betting/stake?prediction_id=\(seeded.forecast)", token: token).errorCode == "PREDICTION_NOT_A_PICK")
            #expect(try await client.get("/api/v1/betting/stake?prediction_id=999999", token: token).status == .notFound)
            #expect(try await client.get("/api/v1/betting/stake", token: token).status == .badRequest)
            #expect(try await client.get("/api/v1/betting/stake?prediction_id=x", token: token).status == .badRequest)
        }
    }
}

extension BettingEndpointTests {
    @Test func concurrentBetsCannotSpendTheSameMoneyTwice() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let seeded = try await Self.seed(harness.store)
        try await harness.run(as: user) { client, token in
            try await Self.deposit(client, token, "100")
            // Ten bets of 20 at once on a bankroll of 100: the per-user lock lets exactly five through.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await client.post("/api/v1/betting/bets", token: token, json: #"{"prediction_id":\#(seeded.pick),"stake":20}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 5)
            let bankroll = try await client.get("/api/v1/betting/bankroll", token: token)
            #expect(bankroll.data?["pending_stakes"]?.double == 100 && bankroll.data?["available"]?.double == 0)
        }
    }
}
