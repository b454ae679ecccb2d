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
    /// Their ids, for the caches to invalidate; not part of the job's stored result.
    public var writtenGameIDs: Set<Int> = []

    enum CodingKeys: String, CodingKey {
        case applied, payloads, newPayloads, gamesWritten
    }
}
