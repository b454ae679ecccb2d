import Foundation

/// The simulated books' batter-hits props (The Odds API's `batter_hits` market).
///
/// A book prices a batter from a model that is right on average but not Bayes-optimal: his true chance of a
/// hit per plate appearance, binomial over the plate appearances his lineup slot gets in a typical game
/// (which ignores how the game goes), then blurred by an error the whole market shares for that batter and
/// game and one of the book's own, and vigged more than the game lines are (props carry wider margins).
extension SandboxWorld {
    /// The lines quoted for every batter.
    public static let batterHitsLines = [0.5, 1.5]
    /// How much more margin a book takes on a prop pair than on its game lines.
    static let propExtraVig = 0.03
    /// The standard deviations, on the log-odds scale, of the market's shared error and each book's own (times its
    /// noise). Below the spread of the batters' skill (about 0.14 on P(hits > 0.5)), so a forecaster who ignores the
    /// batters cannot beat the books; large enough that one who knows them can, now and then. (At 0.15 and 0.10 the
    /// league's average forecast made 11 % at the best US price over a spring: books worse than the mean.)
    static let propErrors = (market: 0.07, book: 0.03)
    /// Plate appearances a team gets in a game, mean and standard deviation, as books reckon it.
    static let teamPlateAppearances = (mean: 34.0, deviation: 3.0)

    /// The quotes of the simulated books of `regions` for `game`'s batter-hits props at `time`: one per book
    /// that quotes the game then; none outside baseball.
    public func propQuotes(_ game: SimulatedGame, regions: [String], at time: Date) -> [PropQuote] {
        guard game.sport == .mlb else { return [] }
        let books = Bookmaker.all.filter { regions.contains($0.region) }
        let batters = lineup(team: game.teamIndices.away) + lineup(team: game.teamIndices.home)
        let gameKey = Int(game.espnID) ?? 0
        return quotes(game, bookmakers: books, at: time).map { quote in
            let bookIndex = Bookmaker.all.firstIndex(of: quote.bookmaker) ?? 0
            let lines = batters.flatMap { batter in
                var shared = SeededStream(seed: seed, 41, gameKey, batter.id)
                var own = SeededStream(seed: seed, 42, gameKey, batter.id, bookIndex)
                let error = Self.propErrors.market * shared.normal() + Self.propErrors.book * quote.bookmaker.noise * own.normal()
                return Self.batterHitsLines.map { point in
                    let fair = batterHitsProbability(batter, over: point)
                    let seen = 1 / (1 + exp(-(log(fair / (1 - fair)) + error)))
                    let prices = BookQuote.prices(seen, vig: quote.bookmaker.vig + Self.propExtraVig)
                    return PropQuote.Line(batterID: batter.id, player: batter.name, point: point, over: prices.0, under: prices.1)
                }
            }
            return PropQuote(bookmaker: quote.bookmaker, lastUpdate: quote.lastUpdate, lines: lines)
        }
    }

    /// The books' model of P(`batter`'s hits > `line`) before their errors: binomial over his slot's plate
    /// appearances, `ceil((N − slot) / 9)` for a team's N plate appearances, with N roughly normal.
    public func batterHitsProbability(_ batter: SimulatedBatter, over line: Double) -> Double {
        let p = batter.hitProbabilityPerPlateAppearance
        let (mean, deviation) = Self.teamPlateAppearances
        var total = 0.0
        var over = 0.0
        for team in Int(mean - 4 * deviation)...Int(mean + 4 * deviation) {
            let z = (Double(team) - mean) / deviation
            let weight = exp(-z * z / 2)
            let appearances = (team - batter.slot + Self.lineupSize - 1) / Self.lineupSize
            over += weight * Self.binomialTail(trials: appearances, p: p, above: line)
            total += weight
        }
        return over / total
    }

    /// P(X > `line`) for X ~ Binomial(`trials`, `p`).
    static func binomialTail(trials: Int, p: Double, above line: Double) -> Double {
        var atMost = 0.0
        var term = pow(1 - p, Double(trials))
        for k in 0...trials {
            if Double(k) > line { break }
            atMost += term
            term *= Double(trials - k) / Double(k + 1) * p / (1 - p)
        }
        return min(1, max(0, 1 - atMost))
    }
}
