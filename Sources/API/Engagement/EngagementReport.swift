/// Active users and predictions viewed per US Eastern day, the month's active users and alerts opened:
/// `GET /admin/engagement`.
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

    /// Alerts to new picks raised in the report's last `days` × 24 hours, and how many were opened.
    struct Alerts: Codable, Sendable, Equatable {
        var raised: Int
        var opened: Int
        /// `opened` ÷ `raised` (the seed's alert click-through rate, target above 15 %); nil without alerts.
        var clickThroughRate: Double?

        init(raised: Int, opened: Int) {
            self.raised = raised
            self.opened = opened
            clickThroughRate = raised > 0 ? Double(opened) / Double(raised) : nil
        }
    }

    /// The Eastern day it is now.
    var today: String
    /// The zone of the days.
    var timeZone = "America/New_York"
    /// Distinct users active in the 30 days ending today.
    var monthlyActiveUsers: Int
    /// The days asked for, oldest first, ending today.
    var days: [Day]
    /// Set by `GET /admin/engagement` from PostgreSQL; the recorder's Redis tallies do not hold alerts.
    var alerts: Alerts?

    init(today: String, monthlyActiveUsers: Int, days: [Day]) {
        self.today = today
        self.monthlyActiveUsers = monthlyActiveUsers
        self.days = days
    }
}
