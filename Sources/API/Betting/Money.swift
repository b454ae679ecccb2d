/// Amounts of money in the API: numbers in the bankroll's currency with at most two decimals, stored as cents.
enum Money {
    /// The largest amount one request may move or stake (ten million).
    static let maximum = 10_000_000.0

    /// `amount` in cents; a 400 naming `field` unless it is at least a cent, at most `maximum`, with at most two decimals.
    static func cents(_ amount: Double, field: String) throws -> Int {
        guard amount.isFinite, amount > 0, amount <= maximum else {
            throw APIError.validation("\(field) must be a positive amount of at most \(Int(maximum))", field: field)
        }
        let cents = (amount * 100).rounded()
        // Binary floating point holds 0.29 as 0.28999…: a tolerance, not equality, tells two decimals from three.
        guard cents >= 1, abs(cents - amount * 100) < 1e-6 else {
            throw APIError.validation("\(field) must have at most two decimal places", field: field)
        }
        return Int(cents)
    }

    /// `cents` as an amount.
    static func amount(_ cents: Int) -> Double {
        Double(cents) / 100
    }
}
