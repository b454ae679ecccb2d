import Foundation

/// The simulated MLB batters: nine per team, each with a seeded, lasting talent for hits, better at the top of
/// the order (managers bat their best hitters first), spread like real batting averages (about .220 to .300).
extension SandboxWorld {
    /// The league's share of balls in play that fall for hits; with the pitch odds, a .256 batting average.
    public static let leagueBABIP = 0.34
    /// Batters in a lineup.
    public static let lineupSize = 9
    /// The first batter id; a batter's id is `firstBatterID + team index × 20 + lineup slot`.
    static let firstBatterID = 600_000
    /// The spread of batters' talent: the standard deviation of the log of their BABIP around their slot's.
    static let talentSpread = 0.07
    /// How much better the leadoff hitter's BABIP is than the average slot's, and the ninth's worse (log).
    static let lineupEdge = 0.06

    /// How batters are numbered and named.
    private static let batterRoster = SimulatedRoster(
        firstID: firstBatterID, size: lineupSize, firstNames: firstNames, lastNames: lastNames)
    private static let firstNames = [
        "Aaron", "Brandon", "Carlos", "Derek", "Eduardo", "Felix", "Gavin", "Hector", "Isaac", "Jacob", "Kyle", "Luis", "Marcus",
        "Nolan", "Oscar", "Pablo", "Quinn", "Rafael", "Shane", "Tyler", "Victor", "Wade", "Xavier", "Yusei", "Zack", "Andres", "Bryce",
    ]
    private static let lastNames = [
        "Alvarez", "Bennett", "Castillo", "Donovan", "Espinal", "Fletcher", "Garrison", "Herrera", "Ingram", "Jimenez", "Kessler",
        "Lindqvist", "Moreno", "Nakamura", "Ortega", "Pruitt", "Quintero", "Rosario", "Sandoval", "Tillman",
    ]

    /// The batter with `id`, or `nil` when no simulated MLB lineup has that id.
    public func batter(id: Int) -> SimulatedBatter? {
        guard let teams = league(.mlb)?.teams.count, let (team, slot) = Self.batterRoster.place(of: id, teams: teams) else { return nil }
        return batter(team: team, slot: slot)
    }

    /// The nine batters of the MLB team with index `team`, leadoff first.
    public func lineup(team: Int) -> [SimulatedBatter] {
        (0..<Self.lineupSize).map { batter(team: team, slot: $0) }
    }

    private func batter(team: Int, slot: Int) -> SimulatedBatter {
        var random = SeededStream(seed: seed, 40, team, slot)
        let slotEffect = Self.lineupEdge * (1 - 2 * Double(slot) / Double(Self.lineupSize - 1))
        let babip = Self.leagueBABIP * exp(slotEffect + Self.talentSpread * random.normal())
        // Names are unique: 27 and 20 are coprime, so (ordinal mod 27, ordinal mod 20) is one-to-one for the
        // 270 ordinals of 30 teams (Chinese remainder theorem, up to 540); the seed rotates the lists so worlds differ.
        return SimulatedBatter(
            id: Self.batterRoster.id(team: team, slot: slot), teamIndex: team, slot: slot,
            name: Self.batterRoster.name(team: team, slot: slot, rotation: Int(seed % 997)), ballInPlayHitRate: min(0.45, max(0.25, babip)))
    }
}
