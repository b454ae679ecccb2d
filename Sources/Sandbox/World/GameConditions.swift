import Foundation

/// Everything that sets a game's outcome parameters except who is missing: the latent strengths, home
/// advantage, rest and travel, whether the teams are division rivals, pace (basketball) or the weather's
/// carry and the starting pitchers (baseball). Soccer's margins are goals, its scoring a factor on both sides' goals
/// (the weather's, as football's is on points).
///
/// The truth applies the injuries listed at the start; the market applies its reading of the injuries
/// listed when it quotes, and prices the schedule, the weather and the starters only partly at the open
/// (`priced(share:)`).
struct GameConditions: Sendable {
    /// The sport.
    let sport: SandboxSport
    /// Home strength minus away strength with everyone healthy, points (NBA) or runs (MLB) of margin.
    let strengthGap: Double
    /// Home advantage plus the rest effect, points or runs of margin, before the division discount.
    let homeEdge: Double
    /// True when the teams play in the same division.
    let isDivisional: Bool
    /// Basketball: the expected total with everyone healthy. Baseball: the weather's factor on runs.
    let scoring: Double
    /// The part of `homeEdge` that rest and travel make, points or runs of margin.
    var scheduleEdge = 0.0
    /// Baseball: the runs-allowed factors of the home and of the away starting pitcher (1 is an average
    /// starter; the home starter's factor scales the away team's runs).
    var runsAllowed = (home: 1.0, away: 1.0)

    /// How much closer a division game is: the strength gap shrinks by this share (rivals know each
    /// other's sets and pitchers).
    static let divisionalTightening = 0.15
    /// How much of the home advantage a division game loses, points (NBA) or runs (MLB) of margin: the
    /// visitors travel less and know the building.
    static func divisionalHomeCut(_ sport: SandboxSport) -> Double {
        switch sport {
        case .nba: 1.0
        case .mlb: 0.12
        case .epl: 0
        case .nhl: 0.05
        case .nfl: 0.5
        }
    }

    /// The outcome parameters when the home and away teams miss `losses` (points or runs of margin), with
    /// the division effect weighted by `divisionalWeight` (1 for the truth; a book's belief otherwise).
    func parameters(losses: (home: Double, away: Double), divisionalWeight: Double = 1) -> GameParameters {
        let division = isDivisional ? divisionalWeight : 0
        let margin =
            (strengthGap - losses.home + losses.away) * (1 - Self.divisionalTightening * division) + homeEdge
            - Self.divisionalHomeCut(sport) * division
        switch sport {
        case .nba:
            // A team missing players scores less than it would; the opponent gains less than that.
            return GameParameters(first: margin, second: scoring - 0.5 * (losses.home + losses.away))
        case .mlb:
            return GameParameters(
                first: max(1.5, 4.45 + margin / 2) * scoring * runsAllowed.away, second: max(1.5, 4.45 - margin / 2) * scoring * runsAllowed.home)
        case .nhl:
            // About 6.1 goals a game; a level score goes to overtime (`OutcomeModel`).
            return GameParameters(first: max(1.2, 3.05 + margin / 2) * scoring, second: max(1.2, 3.05 - margin / 2) * scoring)
        case .nfl:
            // About 44 points a game (the weather's factor scales both sides), the margin split between the sides.
            return GameParameters(first: max(3, 22 + margin / 2) * scoring, second: max(3, 22 - margin / 2) * scoring)
        case .epl:
            // About 2.8 goals a game, the margin split between the two sides' means.
            return GameParameters(first: max(0.2, 1.4 + margin / 2) * scoring, second: max(0.2, 1.4 - margin / 2) * scoring)
        }
    }

    /// The conditions as a market sees them when it has priced `share` (0 to 1) of what the schedule, the
    /// weather and the starters do: the rest of those effects is missing from its view.
    func priced(share: Double) -> GameConditions {
        var seen = GameConditions(
            sport: sport, strengthGap: strengthGap, homeEdge: homeEdge - (1 - share) * scheduleEdge, isDivisional: isDivisional,
            scoring: sport == .nba ? scoring : pow(scoring, share))
        seen.scheduleEdge = share * scheduleEdge
        seen.runsAllowed = (pow(runsAllowed.home, share), pow(runsAllowed.away, share))
        return seen
    }

    /// These conditions with `error` added to the strength gap and the scoring (points of total in
    /// basketball, a log factor on runs or goals elsewhere): a market's mistaken view.
    func mistaken(gap error: Double, scoring scoringError: Double) -> GameConditions {
        var seen = GameConditions(
            sport: sport, strengthGap: strengthGap + error, homeEdge: homeEdge, isDivisional: isDivisional,
            scoring: sport == .nba ? scoring + scoringError : scoring * exp(scoringError))
        seen.scheduleEdge = scheduleEdge
        seen.runsAllowed = runsAllowed
        return seen
    }
}
