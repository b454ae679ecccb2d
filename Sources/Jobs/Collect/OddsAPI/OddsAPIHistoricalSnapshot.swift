import Foundation

/// The Odds API v4 `/historical/.../odds`: the snapshot closest at or before the requested date.
public struct OddsAPIHistoricalSnapshot: Decodable, Sendable, Equatable {
    /// The snapshot's time.
    public let timestamp: Date
    /// The snapshot before, if any.
    public let previousTimestamp: Date?
    /// The snapshot after, if any.
    public let nextTimestamp: Date?
    /// The events as they stood at `timestamp`.
    public let data: [OddsAPIEvent]

    enum CodingKeys: String, CodingKey {
        case timestamp, data
        case previousTimestamp = "previous_timestamp"
        case nextTimestamp = "next_timestamp"
    }
}
