/// What one `collect.prop_odds` run did (the job's result).
public struct PropOddsCollection: Codable, Sendable, Equatable {
    /// False for a redelivery: nothing was written.
    public var applied: Bool
    /// Upcoming games with an Odds API event id.
    public var events: Int
    /// Events The Odds API no longer knows (404 `EVENT_NOT_FOUND`), skipped.
    public var missingEvents: Int
    /// Events whose payload was new (an unchanged payload is neither stored again nor read).
    public var newPayloads: Int
    /// Prices written (a price already stored with the same time is not written again).
    public var pricesWritten: Int
    /// The Odds API usage after the last call.
    public var quota: OddsAPIQuota?
}
