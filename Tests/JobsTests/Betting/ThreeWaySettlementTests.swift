import Foundation
import Jobs
import Logging
import Postgres
import Store
import Testing

/// Soccer's picks and tracked bets graded by `settle` on a real PostgreSQL: a draw on the three-way moneyline wins on a
/// level score and is measured against the closing draw price; a quarter-ball Asian handicap is half lost or half won,
/// and paid so.
@Suite struct ThreeWaySettlementTests {
    static let start = SettleJobTests.start
    static let logger = Logger(label: "three-way-settle-test")

    @Test func drawPicksAndQuarterBallHandicapsAreGradedAndPaidByTheHalf() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await SettleJobTests.model(store)
        let drawn = try await SettleJobTests.game(store, "epl", "epl-drawn")
        let wonByOne = try await SettleJobTests.game(store, "epl", "epl-won-by-one")

        let draw = try await SettleJobTests.predict(
            store, game: drawn, model: model, sport: "epl", .moneyline, "draw", line: nil, price: 3.4, probability: 0.31, tier: .b, stake: 0.02)
        // Home −0.25 on a draw: the half on −0.5 loses, the half on 0 is refunded.
        let quarterDrawn = try await SettleJobTests.predict(
            store, game: drawn, model: model, sport: "epl", .spread, "home", line: -0.25, price: 1.9, probability: 0.55, tier: .b, stake: 0.01)
        // Home −0.75 winning by one: the half on −0.5 wins, the half on −1 is refunded.
        let quarterByOne = try await SettleJobTests.predict(
            store, game: wonByOne, model: model, sport: "epl", .spread, "home", line: -0.75, price: 1.9, probability: 0.55, tier: .b,
            stake: 0.01)
        // A home pick on the drawn game loses in full: a level score is no push on a three-way moneyline.
        let home = try await SettleJobTests.predict(
            store, game: drawn, model: model, sport: "epl", .moneyline, "home", line: nil, price: 2.2, probability: 0.5, tier: .c, stake: 0.01)

        let user = try await TrackedBetSettlementTests.user(store, "epl-bettor")
        guard case .created = try await store.bankroll.record(BankrollEntry(userID: user, kind: .deposit, amountCents: 100_000)) else {
            Issue.record("deposit refused")
            return
        }
        func place(_ game: Int, _ betType: BetType, _ selection: String, line: Double?, price: Double) async throws -> Int {
            let bet = TrackedBet(
                userID: user, gameID: game, sport: "epl", betType: betType, selection: selection, line: line, price: price, stakeCents: 1_000,
                placedAt: Self.start.addingTimeInterval(-3_600))
            guard case .created(let stored) = try await store.trackedBets.place(bet) else { throw TrackedBetSettlementTests.PlacementRefused() }
            return try #require(stored.id)
        }
        let drawBet = try await place(drawn, .moneyline, "draw", line: nil, price: 3.4)
        let quarterDrawnBet = try await place(drawn, .spread, "home", line: -0.25, price: 1.9)
        let quarterByOneBet = try await place(wonByOne, .spread, "home", line: -0.75, price: 1.9)

        let captured = Self.start.addingTimeInterval(-60)
        try await store.closingLines.upsert(
            [("a", 2.3, 3.2, 3.3), ("b", 2.25, 3.3, 3.4), ("c", 2.35, 3.5, 3.2)].flatMap { book, homePrice, drawPrice, awayPrice in
                [
                    ClosingLine(gameID: drawn, bookmaker: book, market: "h2h", outcome: "home", price: homePrice, capturedAt: captured),
                    ClosingLine(gameID: drawn, bookmaker: book, market: "h2h", outcome: "draw", price: drawPrice, capturedAt: captured),
                    ClosingLine(gameID: drawn, bookmaker: book, market: "h2h", outcome: "away", price: awayPrice, capturedAt: captured),
                ]
            } + [
                // The handicap closed at −0.25 at one book: the quarter line's own closing price.
                ClosingLine(gameID: drawn, bookmaker: "a", market: "spreads", outcome: "home", price: 1.95, point: -0.25, capturedAt: captured),
                ClosingLine(gameID: drawn, bookmaker: "a", market: "spreads", outcome: "away", price: 1.95, point: 0.25, capturedAt: captured),
            ])
        _ = try await store.games.updateResult(id: drawn, status: .final, homeScore: 1, awayScore: 1)
        _ = try await store.games.updateResult(id: wonByOne, status: .final, homeScore: 2, awayScore: 1)
        let settledAt = Self.start.addingTimeInterval(5 * 3_600)
        let runs = try await PredictionSettler(store: store, now: { settledAt }).settle(SettlePredictions(sport: "epl"), jobID: "epl-1", logger: Self.logger)
        let run = try #require(runs["epl"])
        #expect(run.gamesGraded == 2 && run.wins == 2 && run.losses == 2 && run.pushes == 0)

        // The draw: won at 3.4, measured against the median closing draw price of 3.2, 3.3 and 3.5.
        let drawPick = try #require(try await store.predictions.find(id: draw))
        #expect(drawPick.status == .settled && drawPick.result == .win)
        #expect(abs((drawPick.profit ?? 0) - 0.02 * 2.4) < 1e-12)
        #expect(drawPick.closingPrice == 3.3)
        #expect(abs((drawPick.clv ?? 0) - (3.4 / 3.3 - 1)) < 1e-12)
        let homePick = try #require(try await store.predictions.find(id: home))
        #expect(homePick.result == .loss && homePick.profit == -0.01 && homePick.closingPrice == 2.3)
        // −0.25 on a draw: half the stake lost, half refunded.
        let halfLost = try #require(try await store.predictions.find(id: quarterDrawn))
        #expect(halfLost.result == .loss && abs((halfLost.profit ?? 0) - -0.005) < 1e-12)
        #expect(halfLost.closingPrice == 1.95 && abs((halfLost.clv ?? 0) - (1.9 / 1.95 - 1)) < 1e-12)
        // −0.75 winning by one: half the stake won at 1.9, half refunded.
        let halfWon = try #require(try await store.predictions.find(id: quarterByOne))
        #expect(halfWon.result == .win && abs((halfWon.profit ?? 0) - 0.0045) < 1e-12)
        #expect(halfWon.closingPrice == nil && halfWon.clv == nil)

        // The users' bets on the same games, paid into the ledger to the cent.
        let drawTracked = try #require(try await store.trackedBets.find(id: drawBet, userID: user))
        #expect(drawTracked.result == .win && drawTracked.profitCents == 2_400)
        #expect(drawTracked.closingPrice == 3.3 && abs((drawTracked.clv ?? 0) - (3.4 / 3.3 - 1)) < 1e-12)
        let halfLostTracked = try #require(try await store.trackedBets.find(id: quarterDrawnBet, userID: user))
        #expect(halfLostTracked.result == .loss && halfLostTracked.profitCents == -500)
        let halfWonTracked = try #require(try await store.trackedBets.find(id: quarterByOneBet, userID: user))
        #expect(halfWonTracked.result == .win && halfWonTracked.profitCents == 450)
        // +2,400 − 500 + 450, no stake still held.
        #expect(try await store.bankroll.balance(of: user) == BankrollBalance(balanceCents: 102_350, pendingStakesCents: 0))
        await store.shutdown()
    }
}
