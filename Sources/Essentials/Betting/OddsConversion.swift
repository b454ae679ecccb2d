/// Conversions between price formats and probabilities, for prices quoted as decimal odds.
///
/// Decimal odds are what the platform stores (`odds.price`, `predictions.price`): the total
/// return per unit staked, stake included, so 2.50 returns 2.50 for 1 staked (1.50 profit).
/// American odds quote the profit on 100 staked (+150) or the stake that wins 100 (−150).
/// Every function returns `nil` for a value that cannot be a price or a probability, rather
/// than a number that would silently poison an edge or a stake.
public enum OddsConversion {
    /// The decimal price of an American price: +250 → 3.5, +100 → 2.0, −110 → 1.9090…
    ///
    /// American prices are at least 100 in magnitude; anything in (−100, 100) is not a price.
    public static func decimal(fromAmerican american: Double) -> Double? {
        guard american.isFinite, abs(american) >= 100 else { return nil }
        return american > 0 ? 1 + american / 100 : 1 + 100 / -american
    }

    /// The American price of a decimal price: 3.5 → +250, 2.0 → +100, 1.9090… → −110.
    ///
    /// Prices of 2.0 and above map to positive American prices (2.0 is +100, by convention not −100);
    /// a decimal price must be above 1 (1.0 returns nothing and has no American form).
    public static func american(fromDecimal decimal: Double) -> Double? {
        guard decimal.isFinite, decimal > 1 else { return nil }
        return decimal >= 2 ? (decimal - 1) * 100 : -100 / (decimal - 1)
    }

    /// The probability a price implies, bookmaker margin included: 1 / decimal (1.91 → 0.5236).
    public static func impliedProbability(decimal: Double) -> Double? {
        guard decimal.isFinite, decimal >= 1 else { return nil }
        return 1 / decimal
    }

    /// The fair (margin-free) decimal price of a probability: 1 / p (0.55 → 1.8181…).
    public static func fairDecimal(probability: Double) -> Double? {
        guard probability.isFinite, probability > 0, probability <= 1 else { return nil }
        return 1 / probability
    }

    /// The bookmaker's margin over a market's outcomes: the sum of implied probabilities minus 1
    /// (two sides at 1.91 → 0.0471).
    public static func overround(decimalPrices prices: [Double]) -> Double? {
        let implied = prices.map(impliedProbability(decimal:))
        guard !implied.isEmpty, !implied.contains(nil) else { return nil }
        return implied.reduce(0) { $0 + $1! } - 1
    }

    /// The no-vig probabilities of a market's outcomes, in the order given: each implied probability
    /// divided by their sum, so they add up to 1 (1.91 / 1.91 → 0.5 / 0.5).
    ///
    /// This is the proportional (multiplicative) method: it spreads the margin over the outcomes in
    /// proportion to their implied probabilities. Pass every outcome of one market at one book
    /// (home and away, or over and under); a partial market gives meaningless numbers.
    public static func noVigProbabilities(decimalPrices prices: [Double]) -> [Double]? {
        let implied = prices.compactMap(impliedProbability(decimal:))
        guard !implied.isEmpty, implied.count == prices.count else { return nil }
        let total = implied.reduce(0, +)
        return implied.map { $0 / total }
    }
}
