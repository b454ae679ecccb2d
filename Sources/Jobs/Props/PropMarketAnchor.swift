#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import Store

/// How far a prop forecast may leave the books' price: P = σ(logit(market) + w · (logit(model) − logit(market))),
/// with w in [0, 1] fitted on settled priced props, as the game models are fitted on top of the line.
///
/// A prop model that has not shown it knows more than the books keeps w = 0 and publishes the market's own
/// probability, which no price beats after the margin: no pick. Without this the batter-hits model, whose held-out
/// error was no better than the league average's, took the books' pricing of each batter's skill for its edge and
/// published half of all props as picks, which lost 23 % of their stakes on a simulated day.
struct PropMarketAnchor: Sendable, Equatable {
    /// Settled priced props needed before a weight is fitted.
    static let minimumHistory = 400
    /// The most recent settled props read to fit it.
    static let historyLimit = 5_000
    /// Probabilities are kept this far from 0 and 1 before the logit.
    static let clamp = 1e-4

    /// The share of the model's difference from the market kept.
    let weight: Double
    /// The settled props it was fitted on.
    let history: Int

    /// The anchor that keeps nothing of the model (no evidence yet).
    static let market = PropMarketAnchor(weight: 0, history: 0)

    init(weight: Double, history: Int) {
        self.weight = weight
        self.history = history
    }

    /// The weight of least log loss over `history` on a grid of 0.01, or 0 with fewer than ``minimumHistory`` props.
    /// A weight above 0 must also beat the market (w = 0) by more than the noise of so few props: two standard errors
    /// of the per-prop log-loss difference.
    init(fitting history: [SettledPropForecast]) {
        guard history.count >= Self.minimumHistory else {
            self = Self(weight: 0, history: history.count)
            return
        }
        func losses(_ weight: Double) -> [Double] {
            history.map { prop in
                let p = Self.anchored(model: prop.modelOver, market: prop.marketOver, weight: weight)
                return -log(prop.over ? p : 1 - p)
            }
        }
        let marketLosses = losses(0)
        var best = (weight: 0.0, total: marketLosses.reduce(0, +))
        for step in 1...100 {
            let weight = Double(step) / 100
            let total = losses(weight).reduce(0, +)
            if total < best.total { best = (weight, total) }
        }
        guard best.weight > 0 else {
            self = Self(weight: 0, history: history.count)
            return
        }
        let differences = zip(losses(best.weight), marketLosses).map { $0 - $1 }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let beatsTheMarket = mean < -2 * (variance / n).squareRoot()
        self = Self(weight: beatsTheMarket ? best.weight : 0, history: history.count)
    }

    /// The anchored P(Over) of a model's `model` where the books say `market`.
    func over(model: Double, market: Double) -> Double {
        Self.anchored(model: model, market: market, weight: weight)
    }

    static func anchored(model: Double, market: Double, weight: Double) -> Double {
        let m = logit(market)
        return 1 / (1 + exp(-(m + weight * (logit(model) - m))))
    }

    private static func logit(_ p: Double) -> Double {
        let q = min(max(p, clamp), 1 - clamp)
        return log(q / (1 - q))
    }
}
