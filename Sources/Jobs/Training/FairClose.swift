import Store

/// The fair close of training rows: the probability the books' last prices before the start give the label's positive
/// outcome, their margin removed.
enum FairClose {
    /// The fair closing probability of the label's positive outcome (home, over; a three-way moneyline's home win) at
    /// each row's line, by game, from its books' last prices before the start (`closing`, by game); games without one
    /// are left out.
    static func probabilities(_ rows: [TrainingExample], betType: BetType, closing: [Int: [OddsSnapshot]]) -> [Int: Double] {
        let positive = BetOutcome.selections(betType).positive
        let lineFeature = BetOutcome.lineFeature(betType)
        var probabilities: [Int: Double] = [:]
        for row in rows {
            let line = lineFeature.flatMap { row.features[$0] }
            let closes = lines(closing[row.gameID] ?? [])
            if let fair = ClosingConsensus.fairPrice(gameID: row.gameID, betType: betType, selection: positive, line: line, in: closes) {
                probabilities[row.gameID] = 1 / fair
            }
        }
        return probabilities
    }

    /// A game's last snapshots before its start as its closing lines.
    static func lines(_ snapshots: [OddsSnapshot]) -> [ClosingLine] {
        snapshots.map {
            ClosingLine(gameID: $0.gameID, bookmaker: $0.bookmaker, market: $0.market, outcome: $0.outcome, price: $0.price, point: $0.point,
                        capturedAt: $0.recordedAt)
        }
    }
}
