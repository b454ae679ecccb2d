import Testing

@testable import Scheduler

@Suite struct ScheduleKeepingTests {
    /// collect.a and collect.b, then features after both, then a check after features, then predict after the check.
    func flow() throws -> Schedule {
        Schedule(
            name: "flow", cron: try CronExpression("@every 60s"),
            jobs: [
                ScheduledJob(type: "collect.a"),
                ScheduledJob(type: "collect.b"),
                ScheduledJob(type: "features", after: ["collect.a", "collect.b"]),
                ScheduledJob(type: "check", after: ["features"]),
                ScheduledJob(type: "predict", after: ["check"]),
            ])
    }

    @Test func everyJobKeptIsTheScheduleUnchanged() throws {
        let schedule = try flow()
        #expect(schedule.keeping(jobTypes: ["collect.a", "collect.b", "features", "check", "predict", "other"]) == schedule)
    }

    @Test func aDroppedCollectorIsNoLongerWaitedFor() throws {
        let kept = try #require(try flow().keeping(jobTypes: ["collect.a", "features", "check", "predict"]))
        #expect(kept.jobs.map(\.type) == ["collect.a", "features", "check", "predict"])
        #expect(kept.jobs[1].after == ["collect.a"])
        #expect(kept.flowProblem == nil)
    }

    @Test func aJobAfterADroppedOneWaitsForWhatThatOneWaitedFor() throws {
        let kept = try #require(try flow().keeping(jobTypes: ["collect.a", "collect.b", "predict"]))
        #expect(kept.jobs.map(\.type) == ["collect.a", "collect.b", "predict"])
        #expect(kept.jobs[2].after == ["collect.a", "collect.b"])
        #expect(kept.flowProblem == nil)
    }

    @Test func noJobKeptIsNoSchedule() throws {
        #expect(try flow().keeping(jobTypes: ["other"]) == nil)
    }
}
