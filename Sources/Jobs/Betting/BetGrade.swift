import Store

/// A graded bet: one result for a whole or half line, two half-stake results for a quarter-ball Asian line.
///
/// A quarter line (−0.25, +0.75, a 2.25 total) is two bets of half the stake on the lines a quarter either
/// side of it (−0.25 is half on 0 and half on −0.5). So a home −0.25 bet on a draw is a half loss: the half on 0
/// is refunded, the half on −0.5 is lost. The two halves are never a win and a loss, since their lines are half a
/// goal apart and scores are whole numbers.
public struct BetGrade: Sendable, Equatable {
    /// The result of each half of the stake; both the same for a whole or half line.
    public let halves: [PredictionResult]

    /// A bet graded `result` on its whole stake.
    public init(_ result: PredictionResult) {
        halves = [result, result]
    }

    /// A quarter-line bet whose two halves were graded `first` and `second`.
    public init(first: PredictionResult, second: PredictionResult) {
        halves = [first, second]
    }

    /// The bet's result as stored: a win when it returned more than its stake (a half win included), a loss when
    /// it returned less (a half loss included), a push when it returned exactly its stake. `profit` says by how much.
    public var result: PredictionResult {
        let score = halves.reduce(0) { total, half in total + (half == .win ? 1 : half == .loss ? -1 : 0) }
        return score > 0 ? .win : score < 0 ? .loss : .push
    }

    /// True when half the stake won or lost and the other half was refunded.
    public var isHalf: Bool { halves[0] != halves[1] }

    /// The profit of `stake` units at decimal price `decimalPrice`: each half of the stake graded on its own.
    public func profit(stake: Double, decimalPrice: Double) -> Double {
        halves.reduce(0) { total, half in total + BetGrader.profit(half, stake: stake / 2, decimalPrice: decimalPrice) }
    }
}
