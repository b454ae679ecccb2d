import Foundation

/// The simulated books' NBA player-points props (The Odds API's `player_points` market).
///
/// As for batter hits: a book prices a player from a model that is right on average but not Bayes-optimal — his
/// share of the rotation's scoring times his team's expected score, normal around that mean with a spread that grows
/// with it — at a half-point line just above the mean, blurred by an error the market shares for that player and game
/// and one of the book's own, and vigged like the batter-hits props.
extension SandboxWorld {
    /// The books' standard deviation of a player's points with mean `mean`: the nightly swing of his share (about
    /// 30 % of his mean) and a Poisson-like count on top.
    static func playerPointsDeviation(mean: Double) -> Double {
        (pow(0.3 * mean, 2) + mean).squareRoot()
    }

    /// The quotes of the simulated books of `regions` for `game`'s player-points props at `time`: one per book that
    /// quotes the game then; none outside basketball.
    public func playerPointsQuotes(_ game: SimulatedGame, regions: [String], at time: Date) -> [PropQuote] {
        guard game.sport == .nba else { return [] }
        let books = Bookmaker.all.filter { regions.contains($0.region) }
        let expected = OutcomeModel(sport: .nba).expectedScores(game.parameters)
        let means =
            playerPointsMeans(team: game.teamIndices.away, teamPoints: expected.away)
            + playerPointsMeans(team: game.teamIndices.home, teamPoints: expected.home)
        let gameKey = Int(game.espnID) ?? 0
        return quotes(game, bookmakers: books, at: time).map { quote in
            let bookIndex = Bookmaker.all.firstIndex(of: quote.bookmaker) ?? 0
            let lines = means.map { player, mean in
                var shared = SeededStream(seed: seed, 45, gameKey, player.id)
                var own = SeededStream(seed: seed, 46, gameKey, player.id, bookIndex)
                let error = Self.propErrors.market * shared.normal() + Self.propErrors.book * quote.bookmaker.noise * own.normal()
                let point = mean.rounded(.down) + 0.5
                let fair = playerPointsProbability(mean: mean, over: point)
                let seen = 1 / (1 + exp(-(log(fair / (1 - fair)) + error)))
                let prices = BookQuote.prices(seen, vig: quote.bookmaker.vig + Self.propExtraVig)
                return PropQuote.Line(batterID: player.id, player: player.name, point: point, over: prices.0, under: prices.1)
            }
            return PropQuote(bookmaker: quote.bookmaker, lastUpdate: quote.lastUpdate, lines: lines)
        }
    }

    /// The books' expected points of each player of the rotation of `team` when the team is expected to score
    /// `teamPoints`: his share of the rotation's scoring weight.
    public func playerPointsMeans(team: Int, teamPoints: Double) -> [(player: SimulatedBasketballPlayer, mean: Double)] {
        let players = basketballRotation(team: team)
        let total = players.reduce(0) { $0 + $1.pointsPerGame }
        return players.map { ($0, teamPoints * $0.pointsPerGame / total) }
    }

    /// The books' P(points > `line`) for a player expected to score `mean`, before their errors.
    public func playerPointsProbability(mean: Double, over line: Double) -> Double {
        let p = 1 - Probability.normalCDF((line - mean) / Self.playerPointsDeviation(mean: mean))
        return min(0.99, max(0.01, p))
    }
}
