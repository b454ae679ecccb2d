/// Closing line value: how much better the price a bet was made at is than the market's last price.
///
/// Convention: on decimal odds, CLV = price / closing price − 1. It is positive when the bet beat
/// the close (a bet at 2.10 on a selection that closed at 1.95 has CLV +7.7 %: the market moved
/// toward the pick after it was made) and negative when the price drifted the other way. The ratio
/// of decimal prices equals the ratio of the closing to the original implied probability, so CLV
/// reads as the relative edge over the closing market; sharp bettors average +1 % to +3 %.
/// Both prices must be for the same selection at the same line.
public enum ClosingLineValue {
    /// CLV of a bet at decimal `price` against decimal `closingPrice`; `nil` if either is not a price.
    public static func of(price: Double, closingPrice: Double) -> Double? {
        guard price.isFinite, closingPrice.isFinite, price >= 1, closingPrice >= 1 else { return nil }
        return price / closingPrice - 1
    }
}
