import Store

/// Assigns a prediction's confidence tier, A (strongest) to D, from its edge and probability.
///
/// The standard thresholds, checked strongest first; a prediction takes the first tier whose
/// minimum edge *and* minimum probability it meets, else D:
///
/// | tier | edge (probability − implied) | probability |
/// |------|------------------------------|-------------|
/// | A    | ≥ 0.05                       | ≥ 0.55      |
/// | B    | ≥ 0.03                       | ≥ 0.52      |
/// | C    | ≥ 0.01                       | any         |
/// | D    | below                        | any         |
///
/// The probability floor keeps long shots out of the top tiers: a 30 % pick priced at 4.0 has a
/// 5-point edge but loses most of the time, and tier A is promised (seed 5.2) to win over 65 %.
public struct TierPolicy: Sendable, Equatable {
    /// What a prediction needs to reach one tier.
    public struct Threshold: Sendable, Equatable {
        /// The tier reached.
        public var tier: SignalTier
        /// The least edge, as a probability difference (0.05 is 5 points).
        public var minimumEdge: Double
        /// The least winning probability.
        public var minimumProbability: Double

        /// A threshold for `tier`.
        public init(tier: SignalTier, minimumEdge: Double, minimumProbability: Double = 0) {
            self.tier = tier
            self.minimumEdge = minimumEdge
            self.minimumProbability = minimumProbability
        }
    }

    /// The thresholds, strongest tier first; a prediction meeting none is tier D.
    public var thresholds: [Threshold]

    /// A ≥ 5 points of edge at ≥ 55 %, B ≥ 3 at ≥ 52 %, C ≥ 1, else D.
    public static let standard = TierPolicy(thresholds: [
        Threshold(tier: .a, minimumEdge: 0.05, minimumProbability: 0.55),
        Threshold(tier: .b, minimumEdge: 0.03, minimumProbability: 0.52),
        Threshold(tier: .c, minimumEdge: 0.01),
    ])


    /// The tier of a prediction with `edge` and winning `probability`.
    public func tier(edge: Double, probability: Double) -> SignalTier {
        thresholds.first { edge >= $0.minimumEdge && probability >= $0.minimumProbability }?.tier ?? .d
    }
}
