import Jobs
import Store
import Testing

/// Labels at the line the features saw: cover, win, over; pushes and missing lines teach nothing.
@Suite struct BetOutcomeTests {
    @Test func labelsFollowTheLineAndPushesHaveNone() {
        let lines = ["line_spread_current": -5.5, "line_total_current": 220.0]
        #expect(BetOutcome.label(.moneyline, homeScore: 101, awayScore: 99, features: [:]) == 1)
        #expect(BetOutcome.label(.moneyline, homeScore: 99, awayScore: 101, features: [:]) == 0)
        // Home −5.5: winning by 5 does not cover, by 6 does.
        #expect(BetOutcome.label(.spread, homeScore: 105, awayScore: 100, features: lines) == 0)
        #expect(BetOutcome.label(.spread, homeScore: 106, awayScore: 100, features: lines) == 1)
        #expect(BetOutcome.label(.spread, homeScore: 106, awayScore: 100, features: ["line_spread_current": -6]) == nil)
        #expect(BetOutcome.label(.total, homeScore: 110, awayScore: 110, features: lines) == nil)
        #expect(BetOutcome.label(.total, homeScore: 111, awayScore: 110, features: lines) == 1)
        #expect(BetOutcome.label(.total, homeScore: 111, awayScore: 110, features: [:]) == nil)
        #expect(BetOutcome.selections(.total) == ("over", "under") && BetOutcome.selections(.spread) == ("home", "away"))
    }
}
