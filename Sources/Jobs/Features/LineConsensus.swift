import Essentials
import Store

/// The market's consensus on one game: per market the median across books at each book's first snapshot
/// (open) and its latest before the point in time (current), how far it moved, and how many books moved.
public struct LineConsensus: Sendable, Equatable {
    /// One market's consensus.
    public struct Movement: Sendable, Equatable {
        /// The median of the books' opening values.
        public var open: Double
        /// The median of the books' current values.
        public var current: Double
        /// The books that moved in the direction the consensus moved, negative when it moved down; 0 when
        /// the consensus did not move (a "steam" move is many books moving together).
        public var steam: Int

        /// `current - open`.
        public var move: Double { current - open }

        /// A movement from `open` to `current` with `steam` books moving along.
        public init(open: Double, current: Double, steam: Int) {
            self.open = open
            self.current = current
            self.steam = steam
        }
    }

    /// The home team's spread (`-5.5`: home favoured by 5.5).
    public var spread: Movement?
    /// The total points line.
    public var total: Movement?
    /// The home team's win probability from moneyline prices, the vig removed per book (over home, draw and away
    /// in a three-way market).
    public var homeWinProbability: Movement?
    /// The probability of a draw in a three-way market (soccer's 1X2), the vig removed per book; `nil` elsewhere.
    public var drawProbability: Movement?
    /// The probability the home side covers the current consensus spread, from the spread prices of the books
    /// hanging that number (or the nearest one), the vig removed per book. A run line of ±1.5 is priced far
    /// from even money, so the number alone does not say it.
    public var homeCoverProbability: Double?
    /// The probability the game goes over the current consensus total, the same way.
    public var overProbability: Double?
    /// The sharp book's (`sharpBook`) home spread now minus at its first snapshot; `nil` where it has none.
    public var sharpSpreadMove: Double?
    /// The sharp book's total now minus at its first snapshot.
    public var sharpTotalMove: Double?
    /// The sharp book's no-vig home win probability now minus at its first snapshot.
    public var sharpHomeWinProbabilityMove: Double?

    /// The book whose moves are read as informed money: Pinnacle takes sharp action at low margins.
    public static let sharpBook = "pinnacle"

    /// The consensus of one game's lines (`OddsLine`s of other games must not be mixed in).
    public init(lines: [OddsLine]) {
        var byBook: [String: [String: OddsLine]] = [:]
        for line in lines { byBook[line.bookmaker, default: [:]]["\(line.market)|\(line.outcome)"] = line }
        var spreads: [(open: Double?, current: Double?)] = []
        var totals: [(open: Double?, current: Double?)] = []
        var probabilities: [(open: Double?, current: Double?)] = []
        var draws: [(open: Double?, current: Double?)] = []
        var covers: [(point: Double, probability: Double)] = []
        var overs: [(point: Double, probability: Double)] = []
        for book in byBook.keys.sorted() {
            let lines = byBook[book]!
            if let home = lines["spreads|home"] {
                spreads.append((home.openPoint, home.currentPoint))
            } else if let away = lines["spreads|away"] {
                spreads.append((away.openPoint.map { -$0 }, away.currentPoint.map { -$0 }))
            }
            if let home = lines["spreads|home"], let away = lines["spreads|away"], let point = home.currentPoint,
                let probability = Self.vigFreeProbability(price: home.currentPrice, otherPrice: away.currentPrice)
            {
                covers.append((point, probability))
            }
            if let total = lines["totals|over"] ?? lines["totals|under"] {
                totals.append((total.openPoint, total.currentPoint))
            }
            if let over = lines["totals|over"], let under = lines["totals|under"], let point = over.currentPoint,
                let probability = Self.vigFreeProbability(price: over.currentPrice, otherPrice: under.currentPrice)
            {
                overs.append((point, probability))
            }
            if let home = lines["h2h|home"], let away = lines["h2h|away"] {
                let draw = lines["h2h|draw"]
                probabilities.append((Self.homeWin(home, away, draw, \.openPrice), Self.homeWin(home, away, draw, \.currentPrice)))
                if let draw {
                    draws.append(
                        (
                            Self.vigFreeProbability(price: draw.openPrice, otherPrices: [home.openPrice, away.openPrice]),
                            Self.vigFreeProbability(price: draw.currentPrice, otherPrices: [home.currentPrice, away.currentPrice])
                        ))
                }
            }
        }
        if let sharp = byBook[Self.sharpBook] {
            let home = sharp["spreads|home"]
            let away = sharp["spreads|away"]
            if let open = home?.openPoint ?? away?.openPoint.map({ -$0 }),
                let current = home?.currentPoint ?? away?.currentPoint.map({ -$0 })
            {
                sharpSpreadMove = current - open
            }
            if let line = sharp["totals|over"] ?? sharp["totals|under"], let open = line.openPoint, let current = line.currentPoint {
                sharpTotalMove = current - open
            }
            if let home = sharp["h2h|home"], let away = sharp["h2h|away"],
                let open = Self.homeWin(home, away, sharp["h2h|draw"], \.openPrice),
                let current = Self.homeWin(home, away, sharp["h2h|draw"], \.currentPrice)
            {
                sharpHomeWinProbabilityMove = current - open
            }
        }
        spread = Self.movement(spreads)
        total = Self.movement(totals)
        homeWinProbability = Self.movement(probabilities)
        drawProbability = Self.movement(draws)
        homeCoverProbability = spread.flatMap { Self.probability(at: $0.current, covers) }
        overProbability = total.flatMap { Self.probability(at: $0.current, overs) }
    }

    /// The catalog's `line_*` features; a market no book quotes is absent.
    public var features: [String: Double] {
        var features: [String: Double] = [:]
        for (name, movement) in [("spread", spread), ("total", total), ("homewinprob", homeWinProbability), ("drawprob", drawProbability)] {
            guard let movement else { continue }
            features["line_\(name)_open"] = movement.open
            features["line_\(name)_current"] = movement.current
            features["line_\(name)_move"] = movement.move
            features["line_\(name)_steam"] = Double(movement.steam)
        }
        features["line_homecoverprob_current"] = homeCoverProbability
        features["line_overprob_current"] = overProbability
        features["line_spread_sharpmove"] = sharpSpreadMove
        features["line_total_sharpmove"] = sharpTotalMove
        features["line_homewinprob_sharpmove"] = sharpHomeWinProbabilityMove
        return features
    }

    /// The median probability of the books whose number is nearest `point` (all of them at `point` when any is).
    private static func probability(at point: Double, _ books: [(point: Double, probability: Double)]) -> Double? {
        guard let nearest = books.map({ abs($0.point - point) }).min() else { return nil }
        return median(books.filter { abs(abs($0.point - point) - nearest) < 1e-9 }.map(\.probability))
    }

    /// An outcome's probability implied by two decimal prices, normalised so the two sum to 1.
    public static func vigFreeProbability(price: Double, otherPrice: Double) -> Double? {
        vigFreeProbability(price: price, otherPrices: [otherPrice])
    }

    /// An outcome's probability implied by its decimal price and the prices of the market's other outcomes,
    /// normalised so all of them sum to 1 (the proportional method, as for two outcomes).
    public static func vigFreeProbability(price: Double, otherPrices: [Double]) -> Double? {
        guard price >= 1, otherPrices.allSatisfy({ $0 >= 1 }) else { return nil }
        return (1 / price) / otherPrices.reduce(1 / price) { $0 + 1 / $1 }
    }

    /// The home side's no-vig probability at the prices `price` reads: over home and away, or over all three
    /// outcomes when the book quotes a draw (without it, a three-way market's two prices would give the home
    /// win probability *given no draw*).
    private static func homeWin(_ home: OddsLine, _ away: OddsLine, _ draw: OddsLine?, _ price: KeyPath<OddsLine, Double>) -> Double? {
        vigFreeProbability(price: home[keyPath: price], otherPrices: [away[keyPath: price]] + (draw.map { [$0[keyPath: price]] } ?? []))
    }

    /// A three-way moneyline's no-vig home, draw and away probabilities from `quotes` of one game's `h2h` market:
    /// per book that priced all three, the vig removed; the median of each over books, normalised so the three sum
    /// to 1. `nil` when no book priced all three.
    public static func threeWay(_ quotes: [(book: String, outcome: String, price: Double)]) -> [Double]? {
        var books: [[Double]] = []
        for mine in Dictionary(grouping: quotes, by: \.book).values {
            let prices = ["home", "draw", "away"].compactMap { outcome in mine.first { $0.outcome == outcome }?.price }
            guard prices.count == 3, let fair = OddsConversion.noVigProbabilities(decimalPrices: prices) else { continue }
            books.append(fair)
        }
        guard !books.isEmpty else { return nil }
        let medians = (0..<3).map { index in median(books.map { $0[index] })! }
        let total = medians.reduce(0, +)
        return medians.map { $0 / total }
    }

    /// The median, or `nil` for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func movement(_ books: [(open: Double?, current: Double?)]) -> Movement? {
        guard let open = median(books.compactMap(\.open)), let current = median(books.compactMap(\.current)) else { return nil }
        // Under 0.005 is noise, not a move: spreads and totals move by half points, probabilities by more.
        let direction = Self.direction(current - open)
        let moved = books.filter { book in
            guard let open = book.open, let current = book.current else { return false }
            return direction != 0 && Self.direction(current - open) == direction
        }.count
        return Movement(open: open, current: current, steam: moved * direction)
    }

    private static func direction(_ change: Double) -> Int {
        abs(change) < 0.005 ? 0 : change > 0 ? 1 : -1
    }
}
