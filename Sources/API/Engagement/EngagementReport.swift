/// Active users and predictions viewed per US Eastern day, and the month's active users: `GET /admin/engagement`.
struct EngagementReport: Codable, Sendable, Equatable {
    /// One Eastern day.
    struct Day: Codable, Sendable, Equatable {
        /// `YYYY-MM-DD`.
        var date: String
        /// Distinct users who made a signed-in request that day (HyperLogLog estimate, ±0.81 %).
        var activeUsers: Int
        /// Prediction reads (a page of `/predictions` or `/player-props`, or one prediction).
        var predictionsViewed: Int
    }

    /// The Eastern day it is now.
    var today: String
    /// The zone of the days.
    var timeZone = "America/New_York"
    /// Distinct users active in the 30 days ending today.
    var monthlyActiveUsers: Int
    /// The days asked for, oldest first, ending today.
    var days: [Day]

    init(today: String, monthlyActiveUsers: Int, days: [Day]) {
        self.today = today
        self.monthlyActiveUsers = monthlyActiveUsers
        self.days = days
    }
}
