#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Turns an expected count into the probability of exceeding a line, assuming the count is Poisson.
///
/// A batter's hits are a sum of a few nearly independent plate appearances, each a hit with a small
/// probability, which a Poisson with the regression's mean approximates. It slightly overstates the spread
/// (the true count is binomial over about four plate appearances, and cannot exceed them), so the
/// probabilities of two or more hits lean a little high; props are forecasts until prop prices are collected.
public enum PoissonThreshold {
    /// P(X > `line`) for X ~ Poisson(`mean`): 1 − Σ_{k ≤ ⌊line⌋} e^{−mean} meanᵏ / k!. A non-positive mean gives 0.
    public static func probabilityOver(_ line: Double, mean: Double) -> Double {
        guard mean > 0, mean.isFinite else { return 0 }
        guard line >= 0 else { return 1 }
        let highest = Int(line.rounded(.down))
        var term = exp(-mean)
        var atMost = term
        if highest > 0 {
            for k in 1...highest {
                term *= mean / Double(k)
                atMost += term
            }
        }
        return min(1, max(0, 1 - atMost))
    }
}
