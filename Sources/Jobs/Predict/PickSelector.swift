import Store

/// Chooses the one side of a market to publish as a pick, if any: no I/O, so it can be tested over any book.
///
/// Each side's edge is its probability minus the probability implied by its best price. The pick is the
/// side with the larger edge, and it is published only when that edge is positive and its tier (from
/// `tiers`) is `minimumTier` or stronger; otherwise the market gets a forecast and no pick. So a market never
/// has two picks, even when cross-book prices give both sides an edge, and a side whose edge is not the
/// larger is never staked.
public struct PickSelector: Sendable, Equatable {
    /// One side of a market as the selector weighs it.
    public struct Side: Sendable, Equatable {
        /// `home`, `away`, `over` or `under`.
        public var selection: String
        /// The model's probability that this side wins.
        public var probability: Double
        /// The best decimal price for it and the book offering it; `nil` when no book does.
        public var price: Double?
        /// The book offering `price`.
        public var bookmaker: String?

        /// A side.
        public init(selection: String, probability: Double, price: Double? = nil, bookmaker: String? = nil) {
            self.selection = selection
            self.probability = probability
            self.price = price
            self.bookmaker = bookmaker
        }

        /// Probability minus the implied probability of `price`; `nil` without a usable price.
        public var edge: Double? {
            guard let price, price.isFinite, price > 1, probability.isFinite else { return nil }
            return probability - 1 / price
        }
    }

    /// The published pick: the side, its edge, tier and stake.
    public struct Pick: Sendable, Equatable {
        /// The side picked, with its price and book.
        public var side: Side
        /// Its edge at that price.
        public var edge: Double
        /// Its tier.
        public var tier: SignalTier
        /// The recommended stake, fraction of bankroll.
        public var stake: Double
    }

    /// How edges map to tiers.
    public var tiers: TierPolicy
    /// How much a pick stakes.
    public var stakes: StakePolicy
    /// The weakest tier published as a pick; default C (at least 1 point of edge under the standard tiers).
    public var minimumTier: SignalTier

    /// The standard tiers and stakes, picks of tier C or better.
    public static let standard = PickSelector()

    /// A selector over `tiers` and `stakes` publishing picks of `minimumTier` or stronger.
    public init(tiers: TierPolicy = .standard, stakes: StakePolicy = .standard, minimumTier: SignalTier = .c) {
        self.tiers = tiers
        self.stakes = stakes
        self.minimumTier = minimumTier
    }

    /// The pick among `sides` (the two sides of one market), or `nil` when the side with the larger edge does
    /// not clear the policy. Ties go to the side listed first.
    public func pick(_ sides: [Side]) -> Pick? {
        var best: (side: Side, edge: Double)?
        for side in sides {
            guard let edge = side.edge else { continue }
            if best == nil || edge > best!.edge { best = (side, edge) }
        }
        guard let best, best.edge > 0 else { return nil }
        let tier = tiers.tier(edge: best.edge, probability: best.side.probability)
        guard Self.strength(tier) >= Self.strength(minimumTier), let price = best.side.price else { return nil }
        let stake = stakes.stake(probability: best.side.probability, decimalPrice: price)
        guard stake > 0 else { return nil }
        return Pick(side: best.side, edge: best.edge, tier: tier, stake: stake)
    }

    /// A > B > C > D.
    static func strength(_ tier: SignalTier) -> Int {
        switch tier {
        case .a: 3
        case .b: 2
        case .c: 1
        case .d: 0
        }
    }
}
