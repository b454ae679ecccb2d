import Foundation
import Queue

/// `predict.player_points`: NBA player-points props for the upcoming games — each player's expected points from a
/// regression on his recent scoring, and the probability of more than each line the books price.
public struct PredictPlayerPoints: JobParameters, Equatable {
    public static let jobType = "predict.player_points"
    public static let defaultQueue = "predict"

    /// The day whose games to predict, `YYYY-MM-DD` in Eastern time; `nil`: the games starting in the next 24 hours.
    public var date: String?

    /// Parameters; `nil`: the next 24 hours.
    public init(date: String? = nil) {
        self.date = date
    }

    public func validate() throws {
        if let date, PredictProps.day(date) == nil { throw QueueError(.invalidRequest, "date: must be YYYY-MM-DD") }
    }
}
