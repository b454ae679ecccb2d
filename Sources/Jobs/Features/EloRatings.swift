import Foundation

/// Elo ratings of a sport's teams, updated game by game in start order.
///
/// Standard Elo with a home-field bonus and a margin-of-victory multiplier that shrinks when the favourite
/// wins (so blowouts by strong teams do not inflate ratings); at a team's first game of a new season its
/// rating regresses a quarter of the way back to the mean.
public struct EloRatings: Sendable, Equatable {
    /// The constants of one sport.
    public struct Parameters: Sendable, Equatable {
        /// The step size.
        public var k: Double
        /// Rating points added to the home team when predicting (not at a neutral site).
        public var homeAdvantage: Double
        /// Every team's first rating.
        public var initial: Double = 1500
        /// The share of the distance to `initial` a rating keeps across seasons.
        public var seasonCarryOver: Double = 0.75

        /// Parameters with step `k` and home bonus `homeAdvantage`.
        public init(k: Double, homeAdvantage: Double) {
            self.k = k
            self.homeAdvantage = homeAdvantage
        }

        /// The platform's constants for `sport` (NBA: K 20, home +100; MLB: K 6, home +24).
        public static func sport(_ sport: String) -> Parameters {
            switch sport {
            case "nba": Parameters(k: 20, homeAdvantage: 100)
            case "mlb": Parameters(k: 6, homeAdvantage: 24)
            default: Parameters(k: 20, homeAdvantage: 50)
            }
        }
    }

    /// The constants in use.
    public let parameters: Parameters
    private var ratings: [Int: Double] = [:]
    private var seasons: [Int: Int] = [:]

    /// Every team at `parameters.initial`.
    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    /// The team's rating now (`initial` before its first game).
    public func rating(_ team: Int) -> Double {
        ratings[team] ?? parameters.initial
    }

    /// The team's rating for a game of `season`: regressed toward the mean if it last played another season.
    public func rating(_ team: Int, season: Int?) -> Double {
        let current = rating(team)
        guard let season, let last = seasons[team], last != season else { return current }
        return parameters.initial + (current - parameters.initial) * parameters.seasonCarryOver
    }

    /// The home team's win probability: logistic in the rating difference, home bonus included unless neutral.
    public func homeWinProbability(home: Double, away: Double, isNeutralSite: Bool) -> Double {
        let difference = home + (isNeutralSite ? 0 : parameters.homeAdvantage) - away
        return 1 / (1 + pow(10, -difference / 400))
    }

    /// Applies a finished game's result to both teams.
    public mutating func record(
        home: Int, away: Int, homeScore: Int, awayScore: Int, season: Int? = nil, isNeutralSite: Bool = false
    ) {
        let homeRating = rating(home, season: season)
        let awayRating = rating(away, season: season)
        let expected = homeWinProbability(home: homeRating, away: awayRating, isNeutralSite: isNeutralSite)
        let margin = homeScore - awayScore
        let actual: Double = margin > 0 ? 1 : margin < 0 ? 0 : 0.5
        let shift = parameters.k * Self.marginMultiplier(
            margin: margin,
            winnerAdvantage: (homeRating + (isNeutralSite ? 0 : parameters.homeAdvantage) - awayRating) * (margin >= 0 ? 1 : -1))
            * (actual - expected)
        ratings[home] = homeRating + shift
        ratings[away] = awayRating - shift
        if let season {
            seasons[home] = season
            seasons[away] = season
        }
    }

    /// ln(|margin| + 1), damped by the winner's pre-game edge in rating points; 1 for a tie.
    public static func marginMultiplier(margin: Int, winnerAdvantage: Double) -> Double {
        guard margin != 0 else { return 1 }
        return log(Double(abs(margin)) + 1) * 2.2 / (winnerAdvantage * 0.001 + 2.2)
    }
}
