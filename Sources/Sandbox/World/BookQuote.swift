import Foundation

/// One book's prices for one game at one moment: decimal prices for the home and away team, the spread
/// and the total.
public struct BookQuote: Sendable, Equatable {
    /// The book.
    public let bookmaker: Bookmaker
    /// When the book last moved its lines.
    public let lastUpdate: Date
    /// Moneyline, decimal.
    public let homePrice: Double
    /// Moneyline, decimal.
    public let awayPrice: Double
    /// The home team's spread (−5.5 means home gives 5.5).
    public let spread: Double
    /// Decimal prices of home and away against the spread.
    public let spreadPrices: (home: Double, away: Double)
    /// The total line.
    public let total: Double
    /// Decimal prices of over and under.
    public let totalPrices: (over: Double, under: Double)
    /// Moneyline of the draw, decimal, in a sport that has one (soccer's three-way market).
    public var drawPrice: Double? = nil
    /// The Odds API markets the book offers (`h2h`, `spreads`, `totals`); a replayed book offers only the
    /// markets its file has lines for.
    public var markets: Set<String> = ["h2h", "spreads", "totals"]

    public static func == (lhs: BookQuote, rhs: BookQuote) -> Bool {
        lhs.bookmaker == rhs.bookmaker && lhs.lastUpdate == rhs.lastUpdate && lhs.homePrice == rhs.homePrice
            && lhs.awayPrice == rhs.awayPrice && lhs.spread == rhs.spread && lhs.total == rhs.total && lhs.drawPrice == rhs.drawPrice
            && lhs.markets == rhs.markets
    }

    /// Decimal prices for two complementary outcomes with true probability `p` of the first, with `vig`.
    static func prices(_ p: Double, vig: Double) -> (Double, Double) {
        let both = prices([p, 1 - p], vig: vig)
        return (both[0], both[1])
    }

    /// Decimal prices for the outcomes of a market with true probabilities `probabilities` (summing to 1), with
    /// `vig` spread over them in proportion, as for two outcomes.
    static func prices(_ probabilities: [Double], vig: Double) -> [Double] {
        probabilities.map { p in max(1.01, (100 / (min(max(p, 0.01), 0.99) * (1 + vig))).rounded() / 100) }
    }

    /// The decimal price for an American price (`138` → `2.38`, `-164` → `1.61`), or `nil` for a value no
    /// book quotes (between −100 and 100).
    public static func decimal(american: Double) -> Double? {
        if american >= 100 { return 1 + american / 100 }
        if american <= -100 { return 1 + 100 / -american }
        return nil
    }

    /// The American price for a decimal price (`2.38` → `138`, `1.61` → `-164`).
    public static func american(_ decimal: Double) -> Int {
        decimal >= 2 ? Int(((decimal - 1) * 100).rounded()) : -Int((100 / (decimal - 1)).rounded())
    }
}
