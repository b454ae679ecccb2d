import Foundation
import Postgres
import Store

/// Grades users' tracked bets as part of `settle`: each pending bet of a final game gets its result from the
/// score (`BetGrader`), its closing price from the books' consensus at its line (`ClosingConsensus`, the close
/// picks are measured against) and so its CLV, and its profit at its stake and price, paid into the user's
/// bankroll ledger; the bets of cancelled or postponed games are voided (a zero ledger entry).
///
/// Bets are graded from their own games, not from the pending predictions `PredictionSettler` walks: a bet
/// entered by hand may be on a game the platform never picked.
struct TrackedBetSettler: Sendable {
    /// What one run graded.
    struct Run: Sendable, Equatable {
        var wins = 0
        var losses = 0
        var pushes = 0
        var voids = 0

        var graded: Int { wins + losses + pushes + voids }
    }

    let store: Store
    let now: @Sendable () -> Date

    /// Grades every gradeable pending bet (of `sport` and `gameID` when given) effectively once for job `jobID`.
    ///
    /// The writes commit in one transaction recorded under the effect id `<job id>/bets`; each bet is also only
    /// ever graded from pending, and paid once (the ledger's unique index), so racing runs grade it once.
    func settle(sport: String?, gameID: Int?, jobID: String) async throws -> Run {
        guard try await !store.trackedBets.gamesToSettle(sport: sport, gameID: gameID, limit: 1).isEmpty else { return Run() }
        let outcome = try await store.withJobEffect(jobID: "\(jobID)/bets") { tx in
            try await settle(sport: sport, gameID: gameID, in: tx)
        }
        guard case .applied(let run) = outcome else { return Run() }
        return run
    }

    private func settle(sport: String?, gameID: Int?, in tx: PostgresConnection) async throws -> Run {
        let settledAt = now()
        var run = Run()
        for game in try await tx.trackedBets.gamesToSettle(sport: sport, gameID: gameID) {
            guard let id = game.id else { continue }
            let bets = try await tx.trackedBets.pending(gameID: id)
            if game.status == .cancelled || game.status == .postponed {
                for bet in bets {
                    guard let betID = bet.id,
                        try await tx.trackedBets.settle(id: betID, result: nil, profitCents: 0, closingPrice: nil, clv: nil, at: settledAt)
                    else { continue }
                    run.voids += 1
                }
            } else if let homeScore = game.homeScore, let awayScore = game.awayScore {
                let lines = try await tx.closingLines.lines(gameID: id)
                for bet in bets {
                    guard let betID = bet.id,
                        let grade = BetGrader.grade(
                            betType: bet.betType, selection: bet.selection, line: bet.line, homeScore: homeScore, awayScore: awayScore,
                            threeWay: CollectedSport.hasDraw(game.sport))
                    else { continue }
                    let result = grade.result
                    let grading = Self.grading(of: bet, grade: grade, closingLines: lines)
                    guard
                        try await tx.trackedBets.settle(
                            id: betID, result: result, profitCents: grading.profitCents, closingPrice: grading.closingPrice,
                            clv: grading.clv, fairCLV: grading.fairCLV, at: settledAt)
                    else { continue }
                    switch result {
                    case .win: run.wins += 1
                    case .loss: run.losses += 1
                    case .push: run.pushes += 1
                    }
                }
            }
        }
        return run
    }

    /// The profit (cents), closing price and CLV of `bet` graded `grade` against the game's closing lines, and its CLV
    /// against the fair close.
    static func grading(of bet: TrackedBet, grade: BetGrade, closingLines: [ClosingLine])
        -> (profitCents: Int, closingPrice: Double?, clv: Double?, fairCLV: Double?)
    {
        let closingPrice = ClosingConsensus.price(for: bet, in: closingLines)
        // Winnings are paid to the cent below, as books do; a loss is the exact stake. The product is first rounded to
        // a millionth of a cent: 1.9 is stored as 1.8999…, and 1,000 cents at 1.9 came to 899.99…, paid as 899.
        let exact = grade.profit(stake: Double(bet.stakeCents), decimalPrice: bet.price)
        let profit = ((exact * 1_000_000).rounded() / 1_000_000).rounded(.towardZero)
        let fairPrice = ClosingConsensus.fairPrice(for: bet, in: closingLines)
        return (
            Int(profit), closingPrice, closingPrice.flatMap { ClosingLineValue.of(price: bet.price, closingPrice: $0) },
            fairPrice.flatMap { ClosingLineValue.of(price: bet.price, closingPrice: $0) }
        )
    }
}
