/// What one `collect.games` run did (the job's result).
public struct GamesCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Scoreboards fetched.
    public var payloads: Int
    /// Scoreboards not seen before (the others were identical to stored ones and wrote nothing).
    public var newPayloads: Int
    /// Games inserted or updated.
    public var gamesWritten: Int
}
