import Foundation

/// Elo ratings of a sport's teams, updated game by game in start order, after FiveThirtyEight's published method.
///
/// The home team's expected score is logistic in the rating difference plus a home bonus (none at a neutral
/// site); a result moves both ratings by `k × margin multiplier × (actual − expected)`, the multiplier growing
/// with the margin and shrinking with the winner's pre-game edge (so blowouts by strong teams do not inflate
/// ratings); at a team's first game of a new season its rating regresses toward the season mean.
public struct EloRatings: Sendable, Equatable {
    /// How the margin of victory scales a rating change.
    public enum MarginOfVictory: Sendable, Equatable {
        /// FiveThirtyEight's NBA multiplier: `(|margin| + 3)^0.8 / (7.5 + 0.006 × winner's edge)`.
        case basketball
        /// FiveThirtyEight's logarithmic multiplier: `ln(|margin| + 1) × 2.2 / (0.001 × winner's edge + 2.2)`.
        case logarithmic
    }

    /// The constants of one sport.
    public struct Parameters: Sendable, Equatable {
        /// The step size.
        public var k: Double
        /// Rating points added to the home team when predicting (not at a neutral site).
        public var homeAdvantage: Double
        /// The margin-of-victory multiplier.
        public var marginOfVictory: MarginOfVictory
        /// Every team's first rating.
        public var initial: Double = 1500
        /// The rating a team regresses toward between seasons.
        public var seasonMean: Double = 1500
        /// The share of the distance to `seasonMean` a rating keeps across seasons.
        public var seasonCarryOver: Double = 0.75

        /// Parameters with step `k`, home bonus `homeAdvantage` and margin multiplier `marginOfVictory`.
        public init(k: Double, homeAdvantage: Double, marginOfVictory: MarginOfVictory = .logarithmic) {
            self.k = k
            self.homeAdvantage = homeAdvantage
            self.marginOfVictory = marginOfVictory
        }

        /// FiveThirtyEight's constants for `sport`. NBA: K 20, home +100, the basketball multiplier, a quarter of
        /// the way back to 1505 each season. MLB: K 4, home +24, a third of the way back to 1500 each season
        /// (the logarithmic multiplier: run margins are small, so it stays near 1 for most games). EPL: ClubElo's K 20
        /// and home edge.
        public static func sport(_ sport: String) -> Parameters {
            switch sport {
            case "nba":
                var parameters = Parameters(k: 20, homeAdvantage: 100, marginOfVictory: .basketball)
                parameters.seasonMean = 1505
                return parameters
            case "mlb":
                var parameters = Parameters(k: 4, homeAdvantage: 24, marginOfVictory: .logarithmic)
                parameters.seasonCarryOver = 2.0 / 3.0
                return parameters
            case "nhl":
                // FiveThirtyEight's NHL constants: K 6, home +50.
                return Parameters(k: 6, homeAdvantage: 50, marginOfVictory: .logarithmic)
            case "nfl":
                // FiveThirtyEight's NFL constants: K 20, home +48, the logarithmic multiplier, a third of the way back to
                // the mean each season.
                var parameters = Parameters(k: 20, homeAdvantage: 48, marginOfVictory: .logarithmic)
                parameters.seasonCarryOver = 2.0 / 3.0
                return parameters
            case "epl":
                // ClubElo's K of 20 and a home edge of about 60 points; goal margins through the logarithmic multiplier.
                return Parameters(k: 20, homeAdvantage: 60, marginOfVictory: .logarithmic)
            default: return Parameters(k: 20, homeAdvantage: 50)
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
        return parameters.seasonMean + (current - parameters.seasonMean) * parameters.seasonCarryOver
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
        // The winner's edge counts the home bonus, and is negative when the underdog won.
        let homeEdge = homeRating + (isNeutralSite ? 0 : parameters.homeAdvantage) - awayRating
        let shift =
            parameters.k
            * Self.marginMultiplier(margin: margin, winnerAdvantage: homeEdge * (margin >= 0 ? 1 : -1), parameters.marginOfVictory)
            * (actual - expected)
        ratings[home] = homeRating + shift
        ratings[away] = awayRating - shift
        if let season {
            seasons[home] = season
            seasons[away] = season
        }
    }

    /// The margin-of-victory multiplier of a game won by `margin` (either sign) by a team whose pre-game edge
    /// was `winnerAdvantage` rating points; 1 for a tie.
    public static func marginMultiplier(margin: Int, winnerAdvantage: Double, _ kind: MarginOfVictory) -> Double {
        guard margin != 0 else { return 1 }
        let margin = Double(abs(margin))
        switch kind {
        case .basketball: return pow(margin + 3, 0.8) / (7.5 + 0.006 * winnerAdvantage)
        case .logarithmic: return log(margin + 1) * 2.2 / (winnerAdvantage * 0.001 + 2.2)
        }
    }
}
