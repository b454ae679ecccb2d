/// Everything that sets a game's outcome parameters except who is missing: the latent strengths, home
/// advantage and rest, whether the teams are division rivals, and pace (basketball) or the weather's
/// carry (baseball).
///
/// The truth applies the injuries listed at the start; a book applies its own noisy reading of the
/// injuries listed when it quotes, and its own belief about division games.
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

    /// How much closer a division game is: the strength gap shrinks by this share (rivals know each
    /// other's sets and pitchers).
    static let divisionalTightening = 0.15
    /// How much of the home advantage a division game loses, points (NBA) or runs (MLB) of margin: the
    /// visitors travel less and know the building.
    static func divisionalHomeCut(_ sport: SandboxSport) -> Double {
        sport == .nba ? 1.0 : 0.12
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
            return GameParameters(first: max(1.5, 4.45 + margin / 2) * scoring, second: max(1.5, 4.45 - margin / 2) * scoring)
        }
    }
}
