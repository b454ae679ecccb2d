import Foundation

/// What a set of moneyline snapshots looks like across books: how often the best home and best away (and draw, in a
/// three-way market) prices together imply less than 100 % (a cross-book arbitrage), and each book's mean overround.
public struct MoneylineSurvey: Sendable, Equatable {
    /// Snapshots with at least two books quoting the game.
    public let snapshots: Int
    /// Snapshots whose best home and best away implied probabilities sum below 1.
    public let arbitrages: Int
    /// Each book's mean overround (implied probabilities summed, minus 1), by Odds API key.
    public let meanVig: [String: Double]

    /// The share of snapshots that allow a cross-book arbitrage (0 when there is none).
    public var arbitrageRate: Double { snapshots == 0 ? 0 : Double(arbitrages) / Double(snapshots) }

    /// The survey of `snapshots`, each the quotes of several books for one game at one moment.
    public init(_ snapshots: [[BookQuote]]) {
        var (count, arbitrages) = (0, 0)
        var vig: [String: (sum: Double, count: Int)] = [:]
        for quotes in snapshots {
            let priced = quotes.filter { $0.homePrice > 1 && $0.awayPrice > 1 }
            for quote in priced {
                vig[quote.bookmaker.key, default: (0, 0)].sum += 1 / quote.homePrice + 1 / quote.awayPrice + (quote.drawPrice.map { 1 / $0 } ?? 0) - 1
                vig[quote.bookmaker.key, default: (0, 0)].count += 1
            }
            guard priced.count >= 2 else { continue }
            count += 1
            let bestHome = priced.map(\.homePrice).max()!
            let bestAway = priced.map(\.awayPrice).max()!
            let bestDraw = priced.compactMap(\.drawPrice).max()
            if 1 / bestHome + 1 / bestAway + (bestDraw.map { 1 / $0 } ?? 0) < 1 { arbitrages += 1 }
        }
        self.snapshots = count
        self.arbitrages = arbitrages
        meanVig = vig.mapValues { $0.sum / Double($0.count) }
    }
}

extension SandboxWorld {
    /// The moneyline survey of every game of `sport` starting in `range`, quoted by `bookmakers` every
    /// `interval` from the market's open to the start: the cross-book arbitrage rate and each book's vig.
    public func moneylineSurvey(
        _ sport: SandboxSport, startingIn range: Range<Date>, every interval: TimeInterval = 3_600,
        bookmakers: [Bookmaker] = Bookmaker.all
    ) -> MoneylineSurvey {
        var snapshots: [[BookQuote]] = []
        for game in games(sport, startingIn: range) {
            var time = game.startsAt.addingTimeInterval(-marketOpensBeforeStart)
            while time < game.startsAt {
                snapshots.append(quotes(game, bookmakers: bookmakers, at: time))
                time.addTimeInterval(interval)
            }
        }
        return MoneylineSurvey(snapshots)
    }
}
