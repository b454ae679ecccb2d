/// What one `collect.injuries` run did (the job's result).
public struct InjuriesCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// False when the list was identical to a stored one (nothing written).
    public var payloadWasNew: Bool
    /// Reports on the list.
    public var reports: Int
    /// Reports not seen before (a new player, or a new update of one).
    public var reportsWritten: Int
    /// Teams on the list that are not stored (their reports are kept without a team).
    public var unknownTeams: [String]
}
