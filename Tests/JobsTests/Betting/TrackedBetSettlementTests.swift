import Foundation
import Jobs
import Logging
import Postgres
import Store
import Testing

/// Users' tracked bets graded by `settle` on a real PostgreSQL: results, profit paid into the ledger, CLV against
/// the closing consensus, voids, and grading once whatever reruns.
@Suite struct TrackedBetSettlementTests {
    static let start = SettleJobTests.start
    static let logger = Logger(label: "tracked-bet-settle-test")

    static func user(_ store: Store, _ name: String) async throws -> UUID {
        try #require(try await store.users.create(User(email: "\(name)-\(UUID().uuidString.prefix(8))@example.com", passwordHash: "x")).id)
    }

    static func place(
        _ store: Store, user: UUID, game: Int, _ betType: BetType, _ selection: String, line: Double?, price: Double, stakeCents: Int
    ) async throws -> Int {
        let bet = TrackedBet(
            userID: user, gameID: game, sport: "nba", betType: betType, selection: selection, line: line, price: price,
            stakeCents: stakeCents, placedAt: start.addingTimeInterval(-3_600))
        guard case .created(let stored) = try await store.trackedBets.place(bet) else { throw PlacementRefused() }
        return try #require(stored.id)
    }

    struct PlacementRefused: Error {}

    @Test func gradesWinsLossesPushesAndVoidsIntoTheLedgerOnce() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let user = try await Self.user(store, "bettor")
        guard case .created = try await store.bankroll.record(BankrollEntry(userID: user, kind: .deposit, amountCents: 100_000)) else {
            Issue.record("deposit refused")
            return
        }
        // A game no prediction was ever made on: bets entered by hand are graded all the same.
        let played = try await SettleJobTests.game(store, "nba", "bets-played")
        let cancelled = try await SettleJobTests.game(store, "nba", "bets-cancelled", at: Self.start.addingTimeInterval(3_600))
        let later = try await SettleJobTests.game(store, "nba", "bets-later", at: Self.start.addingTimeInterval(86_400))

        let win = try await Self.place(store, user: user, game: played, .spread, "home", line: -3.5, price: 2.10, stakeCents: 10_000)
        let loss = try await Self.place(store, user: user, game: played, .moneyline, "away", line: nil, price: 2.5, stakeCents: 5_000)
        let push = try await Self.place(store, user: user, game: played, .spread, "away", line: -10, price: 1.90, stakeCents: 2_000)
        let void = try await Self.place(store, user: user, game: cancelled, .total, "over", line: 210.5, price: 1.91, stakeCents: 1_000)
        let waiting = try await Self.place(store, user: user, game: later, .moneyline, "home", line: nil, price: 1.8, stakeCents: 1_000)
        #expect(try await store.bankroll.balance(of: user) == BankrollBalance(balanceCents: 100_000, pendingStakesCents: 19_000))

        let captured = Self.start.addingTimeInterval(-60)
        try await store.closingLines.upsert([
            ClosingLine(gameID: played, bookmaker: "a", market: "spreads", outcome: "home", price: 1.90, point: -3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "b", market: "spreads", outcome: "home", price: 1.95, point: -3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "c", market: "spreads", outcome: "home", price: 2.00, point: -3.5, capturedAt: captured),
            // Only book a closed the other side too: the fair close of the spread is its alone.
            ClosingLine(gameID: played, bookmaker: "a", market: "spreads", outcome: "away", price: 2.00, point: 3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "a", market: "h2h", outcome: "away", price: 2.6, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "b", market: "h2h", outcome: "away", price: 2.7, capturedAt: captured),
        ])
        _ = try await store.games.updateResult(id: played, status: .final, homeScore: 110, awayScore: 100)
        _ = try await store.games.updateResult(id: cancelled, status: .cancelled, homeScore: nil, awayScore: nil)
        let settledAt = Self.start.addingTimeInterval(5 * 3_600)
        let settler = PredictionSettler(store: store, now: { settledAt })
        _ = try await settler.settle(SettlePredictions(), jobID: "bets-1", logger: Self.logger)

        let won = try #require(try await store.trackedBets.find(id: win, userID: user))
        #expect(won.status == .settled && won.result == .win && won.profitCents == 11_000 && won.settledAt == settledAt)
        #expect(won.closingPrice == 1.95 && abs((won.clv ?? 0) - (2.10 / 1.95 - 1)) < 1e-12)
        let fairCLV = 2.10 / (1 / ((1 / 1.90) / (1 / 1.90 + 1 / 2.00))) - 1
        #expect(abs((won.fairCLV ?? 0) - fairCLV) < 1e-12)
        let lost = try #require(try await store.trackedBets.find(id: loss, userID: user))
        #expect(lost.result == .loss && lost.profitCents == -5_000 && abs((lost.clv ?? 0) - (2.5 / 2.65 - 1)) < 1e-12)
        let pushed = try #require(try await store.trackedBets.find(id: push, userID: user))
        #expect(pushed.result == .push && pushed.profitCents == 0 && pushed.clv == nil)
        let voided = try #require(try await store.trackedBets.find(id: void, userID: user))
        #expect(voided.status == .void && voided.result == nil && voided.profitCents == 0)
        #expect(try await store.trackedBets.find(id: waiting, userID: user)?.status == .pending)

        // +110 − 50 + 0 + 0: one ledger line per graded bet, the waiting bet's stake still held.
        #expect(try await store.bankroll.balance(of: user) == BankrollBalance(balanceCents: 106_000, pendingStakesCents: 1_000))
        let ledger = try await store.bankroll.entries(of: user, limit: 100, offset: 0)
        #expect(ledger.total == 5)
        #expect(Set(ledger.entries.compactMap(\.betID)) == [win, loss, push, void])

        // Redelivered, or run again by a later job: nothing is graded or paid twice.
        _ = try await settler.settle(SettlePredictions(), jobID: "bets-1", logger: Self.logger)
        _ = try await settler.settle(SettlePredictions(), jobID: "bets-2", logger: Self.logger)
        #expect(try await store.bankroll.entries(of: user, limit: 100, offset: 0).total == 5)
        #expect(try await store.bankroll.balance(of: user).balanceCents == 106_000)
        // A second payment of the same bet is refused by the ledger itself.
        #expect(try await store.trackedBets.settle(id: win, result: .win, profitCents: 11_000, closingPrice: nil, clv: nil, at: settledAt) == false)

        // ROI over won and lost stakes: (110 − 50) / 150; CLV the mean of the two graded bets that have one.
        let summary = try await store.trackedBets.performance(userID: user)
        let overall = try #require(summary.first)
        #expect(overall.sport == nil && overall.betType == nil)
        #expect(overall.bets == 5 && overall.wins == 1 && overall.losses == 1 && overall.pushes == 1 && overall.voids == 1 && overall.pending == 1)
        #expect(overall.stakedCents == 15_000 && overall.profitCents == 6_000)
        #expect(abs((overall.roi ?? 0) - 0.4) < 1e-12)
        #expect(overall.clvCount == 2 && overall.beatCloseCount == 1)
        // The lost moneyline bet has no fair close: no book closed both sides.
        #expect(overall.fairCLVCount == 1 && overall.beatFairCloseCount == 1 && abs((overall.meanFairCLV ?? 0) - fairCLV) < 1e-12)
        #expect(abs((overall.meanCLV ?? 0) - ((2.10 / 1.95 - 1) + (2.5 / 2.65 - 1)) / 2) < 1e-12)
        let spread = try #require(summary.first { $0.betType == .spread })
        #expect(spread.wins == 1 && spread.pushes == 1 && spread.profitCents == 11_000 && spread.roi == 1.1)
        #expect(summary.first { $0.sport == "nba" }?.bets == 5)
    }
}
