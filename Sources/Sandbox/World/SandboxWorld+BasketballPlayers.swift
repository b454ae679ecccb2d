import Foundation

/// The simulated NBA players: a rotation of nine per team, each with a seeded, lasting scoring skill, and each
/// game's points split among the players who play so that they add up to the team's final score.
extension SandboxWorld {
    /// Players in a team's rotation.
    public static let rotationSize = 9
    /// The league's mean team score, the scale of `SimulatedBasketballPlayer.pointsPerGame`.
    public static let leagueTeamPoints = 112.0
    /// The first player id; a player's id is `firstBasketballPlayerID + team index × 20 + rotation slot`.
    static let firstBasketballPlayerID = 4_100_000
    /// The chance that a rotation player sits a game out (rest, a knock): his props are then void.
    static let didNotPlayRate = 0.05
    /// The relative spread of a player's scoring weight from game to game: shooting nights vary. Symmetric (not
    /// log-normal), so a player's points are about as often above his mean as below, as the books' normal model says.
    static let nightlySpread = 0.3
    /// The rotation's shares of a team's points before each player's own skill: a first option scores about four
    /// times the ninth man.
    private static let slotShares = [0.21, 0.17, 0.145, 0.12, 0.1, 0.085, 0.07, 0.055, 0.045]

    /// How the rotations' players are numbered and named.
    private static let basketballRoster = SimulatedRoster(
        firstID: firstBasketballPlayerID, size: rotationSize, firstNames: basketballFirstNames, lastNames: basketballLastNames)
    private static let basketballFirstNames = [
        "Andre", "Bam", "Caleb", "Darius", "Elijah", "Franz", "Grant", "Jalen", "Keon", "Lonnie", "Malik", "Nikola", "Obi", "Paolo",
        "Quentin", "Reggie", "Scottie", "Tyrese", "Umar", "Vince", "Walker", "Xavier", "Zion",
    ]
    private static let basketballLastNames = [
        "Achebe", "Brooks", "Coleman", "Dorsey", "Ellison", "Franklin", "Grayson", "Holloway", "Irving", "Jennings", "Kensington",
        "Lawson", "Maddox", "Norwood", "Okafor", "Prescott", "Redmond", "Sterling", "Thibodeaux",
    ]

    /// The NBA player with `id`, or `nil` when no simulated rotation has that id.
    public func basketballPlayer(id: Int) -> SimulatedBasketballPlayer? {
        guard let teams = league(.nba)?.teams.count, let (team, slot) = Self.basketballRoster.place(of: id, teams: teams) else {
            return nil
        }
        return basketballPlayer(team: team, slot: slot)
    }

    /// The rotation of the NBA team with index `team`, first option first.
    public func basketballRotation(team: Int) -> [SimulatedBasketballPlayer] {
        (0..<Self.rotationSize).map { basketballPlayer(team: team, slot: $0) }
    }

    /// Each rotation player's line in `game` (an NBA game), away team first: who played, and points that add up to
    /// each team's final score, split by skill with nightly noise.
    public func basketballLines(of game: SimulatedGame) -> (
        away: [SimulatedBasketballPlayer.GameLine], home: [SimulatedBasketballPlayer.GameLine]
    ) {
        guard game.sport == .nba else { return ([], []) }
        let gameKey = Int(game.espnID) ?? 0
        func lines(team: Int, score: Int) -> [SimulatedBasketballPlayer.GameLine] {
            let players = basketballRotation(team: team)
            var weights: [Double] = []
            var played: [Bool] = []
            for player in players {
                var random = SeededStream(seed: seed, 43, gameKey, player.id)
                // At least five play: the first five never sit in the simulation.
                let plays = player.slot < 5 || random.uniform() >= Self.didNotPlayRate
                played.append(plays)
                weights.append(plays ? player.pointsPerGame * max(0.1, 1 + Self.nightlySpread * random.normal()) : 0)
            }
            // Largest remainders: the floors of each share, then the leftover points to the largest fractions, so the
            // players' points add up to the team's exactly.
            let total = weights.reduce(0, +)
            let exact = weights.map { Double(score) * $0 / total }
            var points = exact.map { Int($0.rounded(.down)) }
            let leftover = score - points.reduce(0, +)
            let order = exact.indices.sorted { (exact[$0] - Double(points[$0]), -$0) > (exact[$1] - Double(points[$1]), -$1) }
            for index in order.prefix(leftover) { points[index] += 1 }
            let weightSum = max(total, 1e-9)
            return players.indices.map { index in
                // 240 player-minutes a game, shared as the scoring is with a floor for role players.
                let minutes = played[index] ? Int((8 + 190 * weights[index] / weightSum).rounded()) : 0
                return SimulatedBasketballPlayer.GameLine(
                    player: players[index], played: played[index], minutes: minutes, points: points[index])
            }
        }
        return (
            lines(team: game.teamIndices.away, score: game.finalScore.away), lines(team: game.teamIndices.home, score: game.finalScore.home)
        )
    }

    private func basketballPlayer(team: Int, slot: Int) -> SimulatedBasketballPlayer {
        var random = SeededStream(seed: seed, 44, team, slot)
        let share = Self.slotShares[slot] * exp(0.15 * random.normal())
        // Unique names for up to 23 × 19 = 437 players (coprime list lengths), rotated by the seed.
        return SimulatedBasketballPlayer(
            id: Self.basketballRoster.id(team: team, slot: slot), teamIndex: team, slot: slot,
            name: Self.basketballRoster.name(team: team, slot: slot, rotation: Int(seed % 991)),
            pointsPerGame: share * Self.leagueTeamPoints)
    }
}
