/// One team statistic of a final game as ESPN's summary prints it (`boxscore.teams[].statistics[]`): ESPN's stat
/// name, the label shown beside it and the value as a string (`"14"`, `"58.4"`, `"5-13"`, `"31:30"`).
public struct TeamStatistic: Sendable, Equatable {
    /// ESPN's name (`shotsOnTarget`).
    public let name: String
    /// The label (`Shots on Goal`).
    public let label: String
    /// The value as ESPN writes it.
    public let displayValue: String

    /// A statistic named `name`, shown as `label`, of value `displayValue`.
    public init(_ name: String, _ label: String, _ displayValue: String) {
        self.name = name
        self.label = label
        self.displayValue = displayValue
    }
}
