/// What one `collect.odds` run did (the job's result).
public struct OddsCollection: Codable, Sendable, Equatable {
    /// False when this job id had already applied its writes (a redelivery): nothing was written.
    public var applied: Bool
    /// False when the same payload was already stored: nothing new was written.
    public var payloadWasNew: Bool
    /// Events in the payload.
    public var events: Int
    /// Events matched to a stored game.
    public var matchedEvents: Int
    /// Events no stored game matched (`home @ away`), to be picked up once `collect.games` has them.
    public var unmatchedEvents: [String]
    /// Odds rows written (prices unchanged since the last collection are not written again).
    public var snapshotsWritten: Int
    /// Closing lines captured for games that have started.
    public var closingLinesWritten: Int
    /// The Odds API usage after the call.
    public var quota: OddsAPIQuota?
    /// The games whose odds rows were written, for the caches to invalidate; not part of the job's stored result.
    public var oddsGameIDs: Set<Int> = []

    enum CodingKeys: String, CodingKey {
        case applied, payloadWasNew, events, matchedEvents, unmatchedEvents, snapshotsWritten, closingLinesWritten, quota
    }
}
