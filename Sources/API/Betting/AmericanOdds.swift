/// American prices (+150, −110) as bettors enter them, converted to and from the decimal prices the platform stores.
///
/// The API cannot reach `OddsConversion` (in Jobs, which the API does not depend on), so the two formulas it
/// needs live here, with the same conventions: +x → 1 + x/100, −x → 1 + 100/x, and decimal 2.0 is +100.
enum AmericanOdds {
    /// The decimal price of an American price; `nil` inside (−100, 100), which is not a price.
    static func decimal(_ american: Double) -> Double? {
        guard american.isFinite, abs(american) >= 100 else { return nil }
        return american > 0 ? 1 + american / 100 : 1 + 100 / -american
    }

    /// The American price of a decimal price above 1, rounded to a whole number as books quote it.
    static func american(_ decimal: Double) -> Double? {
        guard decimal.isFinite, decimal > 1 else { return nil }
        return (decimal >= 2 ? (decimal - 1) * 100 : -100 / (decimal - 1)).rounded()
    }
}
