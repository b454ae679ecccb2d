import Foundation
import Queue

/// `collect.prop_odds`: The Odds API's player props (MLB `batter_hits`, NBA `player_points`) of the games starting soon, one event at a
/// time, for the games `collect.odds` has matched to an event.
public struct CollectPropOdds: JobParameters, Equatable {
    public static let jobType = "collect.prop_odds"
    public static let defaultQueue = "collect"

    /// The sports with a player market the platform prices, and its market key.
    static let markets = ["mlb": "batter_hits", "nba": "player_points"]
    /// The most hours ahead a run may look.
    static let maximumHoursAhead = 72

    /// How many hours ahead to collect; `nil` (a scheduled `{}`): 24. Each event costs credits, so the window
    /// is kept to the games a prop pick could be published for.
    public var hoursAhead: Int?

    /// Parameters for the games starting in the next `hoursAhead` hours (default 24).
    public init(hoursAhead: Int? = nil) {
        self.hoursAhead = hoursAhead
    }

    public func validate() throws {
        if let hoursAhead, !(1...Self.maximumHoursAhead).contains(hoursAhead) {
            throw QueueError(.invalidRequest, "hoursAhead must be 1…\(Self.maximumHoursAhead)")
        }
    }
}
