/// How The Odds API prices are written.
public enum OddsFormat: String, Sendable, Codable {
    /// Integers like −164 and 138.
    case american
    /// Decimals like 2.02.
    case decimal

    /// The decimal price for a `price` in this format, or `nil` when it cannot be a price in it.
    public func decimalPrice(_ price: Double) -> Double? {
        switch self {
        case .decimal:
            return price >= 1 && price.isFinite ? price : nil
        case .american:
            guard price.rounded() == price, abs(price) >= 100 else { return nil }
            return price > 0 ? 1 + price / 100 : 1 + 100 / -price
        }
    }
}
