/// How much of the bankroll to recommend on a bet: fractional Kelly, capped.
///
/// Full Kelly, f* = (b·p − q) / b with b = decimal − 1 and q = 1 − p, maximises long-run growth only
/// when p is exactly right; model probabilities are estimates, so the policy stakes a fraction of it
/// (a quarter by default, which gives up little growth for much less variance) and never more than
/// `maximumStake` of the bankroll on one bet. A bet without a positive edge stakes nothing.
public struct StakePolicy: Sendable, Equatable {
    /// The share of full Kelly staked, in (0, 1]; default 0.25 (quarter Kelly).
    public var kellyMultiplier: Double
    /// The most staked on one bet, as a fraction of bankroll; default 0.05.
    public var maximumStake: Double

    /// Quarter Kelly, at most 5 % of bankroll.
    public static let standard = StakePolicy()

    /// A policy staking `kellyMultiplier` × full Kelly, at most `maximumStake` of the bankroll.
    public init(kellyMultiplier: Double = 0.25, maximumStake: Double = 0.05) {
        self.kellyMultiplier = kellyMultiplier
        self.maximumStake = maximumStake
    }

    /// Full Kelly for winning probability `probability` at decimal price `decimalPrice`; negative when
    /// the bet has negative expectation, `nil` for an invalid probability or price.
    public static func fullKelly(probability: Double, decimalPrice: Double) -> Double? {
        guard probability.isFinite, (0...1).contains(probability), decimalPrice.isFinite, decimalPrice > 1 else { return nil }
        let b = decimalPrice - 1
        return (b * probability - (1 - probability)) / b
    }

    /// The recommended stake as a fraction of bankroll, in `0...maximumStake`: zero when the edge is not
    /// positive or the inputs are invalid.
    public func stake(probability: Double, decimalPrice: Double) -> Double {
        guard let kelly = Self.fullKelly(probability: probability, decimalPrice: decimalPrice), kelly > 0 else { return 0 }
        return min(kelly * kellyMultiplier, maximumStake)
    }
}
