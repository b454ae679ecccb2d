#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The market's forecast as a per-row log-odds offset that learners fit on top of (a base margin, or
/// `init_score` in LightGBM's words): with nothing to add, a model falls back to the market.
///
/// The offset of a row is the logit of the first of ``probabilityColumns`` that holds a probability strictly between
/// 0 and 1 in that row, and 0 (even odds) when none does. With no columns at all the prior is even odds for every
/// row: the right prior for spread and total bets, whose line is set so that both sides are about equally likely.
/// Columns are found by name, so the prior survives column reordering and the extra columns stacking appends.
public struct MarketPrior: Sendable, Equatable, Hashable, Codable {
    /// Probability columns, most trusted first (for example the current line, then the opening line).
    public let probabilityColumns: [String]

    /// A prior read from `probabilityColumns`, in order of preference.
    public init(probabilityColumns: [String]) {
        self.probabilityColumns = probabilityColumns
    }

    /// Even odds for every row: the prior of a market whose line makes both sides equally likely.
    public static let evenOdds = MarketPrior(probabilityColumns: [])

    /// Market probabilities are clamped to this distance from 0 and 1 before the logit.
    static let clamp = 1e-4

    /// The log-odds offset of every row of `data`; a column `data` lacks is skipped.
    public func offsets(_ data: Dataset) -> [Double] {
        var output = [Double](repeating: .nan, count: data.rowCount)
        let columns = probabilityColumns.compactMap { data.names.firstIndex(of: $0) }
        data.values.withUnsafeBufferPointer { values in
            for column in columns {
                let start = column * data.rowCount
                for row in 0..<data.rowCount where output[row].isNaN {
                    let p = Double(values[start + row])
                    if p > 0 && p < 1 { output[row] = Self.logit(p) }
                }
            }
        }
        for row in output.indices where output[row].isNaN { output[row] = 0 }
        return output
    }

    /// The market's probability of every row of `data` (0.5 where it has none).
    public func probabilities(_ data: Dataset) -> [Double] {
        offsets(data).map(Self.sigmoid)
    }

    /// log(p / (1 − p)) with p clamped away from 0 and 1.
    @inline(__always)
    public static func logit(_ p: Double) -> Double {
        let q = min(max(p, clamp), 1 - clamp)
        return log(q / (1 - q))
    }

    /// The logistic function.
    @inline(__always)
    static func sigmoid(_ margin: Double) -> Double {
        1 / (1 + exp(-margin))
    }

    /// The constant `c` that minimizes the log loss of `σ(offset + c)` on 0/1 `labels` (Newton's method): the
    /// intercept of a model that is the offset plus nothing else.
    static func intercept(labels: [Double], offsets: [Double]) -> Double {
        precondition(labels.count == offsets.count, "one offset per label")
        guard !labels.isEmpty else { return 0 }
        var c = 0.0
        for _ in 0..<50 {
            var gradient = 0.0
            var hessian = 0.0
            for (y, o) in zip(labels, offsets) {
                let p = sigmoid(o + c)
                gradient += p - y
                hessian += max(p * (1 - p), 1e-12)
            }
            // Labels all on one side have no finite optimum: stop at a large margin.
            let step = max(-5, min(5, gradient / hessian))
            c -= step
            if abs(step) < 1e-10 || abs(c) > 30 { break }
        }
        return max(-30, min(30, c))
    }
}
