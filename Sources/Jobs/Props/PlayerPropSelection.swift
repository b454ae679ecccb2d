/// How a player prop is stored: the selection `<kind>:<player id>:<count>_<side>` (`batter:592450:hits_over`), the
/// line in `Prediction.line`.
struct PlayerPropSelection: Sendable {
    /// Whom the id names (`batter`, `player`).
    let kind: String
    /// What is counted (`hits`, `points`).
    let count: String

    /// The player and side `selection` names; nil when it is not a selection of this prop.
    func parse(_ selection: String) -> (playerID: Int, side: BatterHitsProp.Side)? {
        let parts = selection.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == kind, let id = Int(parts[1]) else { return nil }
        switch parts[2] {
        case "\(count)_over": return (id, .over)
        case "\(count)_under": return (id, .under)
        default: return nil
        }
    }

    /// The selection of `playerID`'s `side`.
    func selection(playerID: Int, side: BatterHitsProp.Side) -> String {
        "\(kind):\(playerID):\(count)_\(side.rawValue)"
    }
}
