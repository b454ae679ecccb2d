/// What one `collect.statcast` run did (the job's result).
public struct StatcastCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Searches made (date chunks, split further when one hit the row cap).
    public var searches: Int
    /// Pitch rows read.
    public var pitches: Int
    /// Pitches written (inserted or updated).
    public var pitchesWritten: Int
    /// Pitches whose game is not stored (kept without a game id).
    public var unmatchedPitches: Int
}
