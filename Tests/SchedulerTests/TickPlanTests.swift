import Foundation
import Testing

@testable import Scheduler

@Suite struct TickPlanTests {
    func schedule(_ cron: String, _ missed: MissedTickPolicy) throws -> Schedule {
        Schedule(name: "t", cron: try CronExpression(cron), jobs: [ScheduledJob(type: "t")], missedTicks: missed)
    }

    let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    func t(_ seconds: Double) -> Date { base.addingTimeInterval(seconds) }

    @Test func onTimeTickFires() throws {
        let plan = TickPlan(schedule: try schedule("@every 60s", .skip), lastHandled: t(0), now: t(60.2), grace: .seconds(30))
        #expect(plan.ticks == [t(60)] && plan.skipped == 0 && plan.handledThrough == t(60))
    }

    @Test func nothingDueBeforeTheNextTick() throws {
        let plan = TickPlan(schedule: try schedule("@every 60s", .skip), lastHandled: t(60), now: t(119), grace: .seconds(30))
        #expect(plan.ticks.isEmpty && plan.skipped == 0 && plan.handledThrough == nil)
    }

    @Test func skipDropsMissedTicksAndFiresOnlyAFreshOne() throws {
        let skip = try schedule("@every 60s", .skip)
        let fresh = TickPlan(schedule: skip, lastHandled: t(0), now: t(310), grace: .seconds(30))
        #expect(fresh.ticks == [t(300)] && fresh.skipped == 4 && fresh.handledThrough == t(300))
        let stale = TickPlan(schedule: skip, lastHandled: t(0), now: t(350), grace: .seconds(30))
        #expect(stale.ticks.isEmpty && stale.skipped == 5 && stale.handledThrough == t(300))
    }

    @Test func catchUpFiresTheMostRecentMissedTicksOldestFirst() throws {
        let plan = TickPlan(schedule: try schedule("@every 60s", .catchUp(limit: 3)), lastHandled: t(0), now: t(350), grace: .seconds(30))
        #expect(plan.ticks == [t(180), t(240), t(300)] && plan.skipped == 2 && plan.handledThrough == t(300))
    }

    @Test func firstRunStartsNowInsteadOfReplayingHistory() throws {
        let plan = TickPlan(schedule: try schedule("@every 1s", .catchUp(limit: 60)), lastHandled: nil, now: t(130.5), grace: .seconds(30))
        #expect(plan.ticks == [t(130)] && plan.skipped == 0 && plan.handledThrough == t(130))
        let none = TickPlan(schedule: try schedule("@hourly", .catchUp(limit: 5)), lastHandled: nil, now: t(130), grace: .seconds(30))
        #expect(none.ticks.isEmpty && none.handledThrough == nil)
    }
}
