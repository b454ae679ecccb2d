/// One simulated NBA player: his place in a team's rotation, his name, and how large a share of his team's
/// points he scores when he plays.
public struct SimulatedBasketballPlayer: Sendable, Equatable {
    /// ESPN-style athlete id: `SandboxWorld.firstBasketballPlayerID + team index × 20 + rotation slot`.
    public let id: Int
    /// The team's index in the league.
    public let teamIndex: Int
    /// The rotation slot, 0 (the first option) to `SandboxWorld.rotationSize − 1`.
    public let slot: Int
    /// Full name, "First Last": ESPN's `athlete.displayName` and the books' `description` of his props.
    public let name: String
    /// His scoring weight: his expected points in a game where his team scores `SandboxWorld.leagueTeamPoints`
    /// and the whole rotation plays. A game's points are split among those who play in proportion to it.
    public let pointsPerGame: Double

    /// One player's line in one simulated game.
    public struct GameLine: Sendable, Equatable {
        /// The player.
        public let player: SimulatedBasketballPlayer
        /// False when he did not play (then minutes and points are 0).
        public let played: Bool
        /// Minutes played.
        public let minutes: Int
        /// Points scored.
        public let points: Int
    }
}
