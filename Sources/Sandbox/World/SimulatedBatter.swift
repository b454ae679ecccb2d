/// One simulated MLB batter: his place in a team's lineup, his name, and how often his balls in play fall
/// for hits, which sets his batting average.
public struct SimulatedBatter: Sendable, Equatable {
    /// MLBAM-style id: `600_000 + team index × 20 + lineup slot`.
    public let id: Int
    /// The team's index in the league.
    public let teamIndex: Int
    /// The lineup slot, 0 (leadoff) to 8.
    public let slot: Int
    /// Full name, "First Last": what Statcast's `player_name` says in a batter search and what the books'
    /// prop outcomes name in `description`.
    public let name: String
    /// The share of his balls in play that are hits (BABIP); the league's is `SandboxWorld.leagueBABIP`.
    public let ballInPlayHitRate: Double

    /// The probability that one of his plate appearances ends in a hit.
    public var hitProbabilityPerPlateAppearance: Double {
        PlateAppearanceOdds.ballInPlay * ballInPlayHitRate
    }

    /// His batting average in the long run (hits per at-bat; walks are not at-bats).
    public var battingAverage: Double {
        hitProbabilityPerPlateAppearance / (1 - PlateAppearanceOdds.walk)
    }
}
