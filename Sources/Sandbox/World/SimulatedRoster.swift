/// How a league's simulated players are numbered and named: player `slot` of the team with index `team` has the id
/// `firstID + team × 20 + slot`, and a name drawn from two lists whose lengths are coprime, so that each of a league's
/// players has his own, the lists rotated by the world's seed so that worlds differ.
struct SimulatedRoster: Sendable {
    /// The first player's id.
    let firstID: Int
    /// Players per team.
    let size: Int
    /// The first names, whose count is coprime with `lastNames`'.
    let firstNames: [String]
    /// The last names.
    let lastNames: [String]

    /// The ids a team has room for.
    static let idsPerTeam = 20

    /// The id of the player in `slot` of team `team`.
    func id(team: Int, slot: Int) -> Int {
        firstID + team * Self.idsPerTeam + slot
    }

    /// The team and slot of the player with `id` in a league of `teams` teams; nil when no player has that id.
    func place(of id: Int, teams: Int) -> (team: Int, slot: Int)? {
        let offset = id - firstID
        guard offset >= 0 else { return nil }
        let (team, slot) = (offset / Self.idsPerTeam, offset % Self.idsPerTeam)
        guard team < teams, slot < size else { return nil }
        return (team, slot)
    }

    /// The name of the player in `slot` of team `team`, both lists rotated by `rotation`.
    func name(team: Int, slot: Int, rotation: Int) -> String {
        let ordinal = team * size + slot
        return "\(firstNames[(ordinal + rotation) % firstNames.count]) \(lastNames[(ordinal + rotation) % lastNames.count])"
    }
}
