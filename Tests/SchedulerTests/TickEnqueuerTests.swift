import Foundation
import Queue
import Testing

@testable import Scheduler

/// Ticks and flows enqueued on both queue backends: the in-memory one for speed, Redis for the real thing.
@Suite struct TickEnqueuerTests {
    let tick = Date(timeIntervalSince1970: 1_767_225_600)

    func schedule(_ fixture: RedisFixture, jobs: [ScheduledJob]? = nil) throws -> Schedule {
        Schedule(
            name: "test.tick", cron: try CronExpression("@every 1s"),
            jobs: jobs ?? [ScheduledJob(type: "test.tick", queue: fixture.name)])
    }

    @Test(arguments: QueueBackendKind.allCases) func sameTickEnqueuedTwiceMakesOneJob(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let enqueuer = TickEnqueuer(queue: fixture.queue)
        let schedule = try schedule(fixture)
        let first = try await enqueuer.enqueue(schedule, tick: tick, fence: .init(name: "scheduler", token: 1))
        let again = try await enqueuer.enqueue(schedule, tick: tick, fence: .init(name: "scheduler", token: 2))
        #expect(first[0].created && !again[0].created && first[0].id == again[0].id)
        #expect(try await fixture.queuedKeys() == ["schedule:test.tick:2026-01-01T00:00:00Z"])
    }

    @Test(arguments: QueueBackendKind.allCases) func staleTokenIsRefusedByTheQueue(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let enqueuer = TickEnqueuer(queue: fixture.queue)
        let schedule = try schedule(fixture)
        try await enqueuer.enqueue(schedule, tick: tick, fence: .init(name: "scheduler", token: 5))
        await #expect {
            try await enqueuer.enqueue(schedule, tick: tick.addingTimeInterval(1), fence: .init(name: "scheduler", token: 4))
        } throws: { error in
            (error as? QueueError)?.code == .staleFence
        }
        #expect(try await fixture.queuedKeys().count == 1)
    }

    @Test(arguments: QueueBackendKind.allCases) func flowChildWaitsForTheJobsItsParentsActuallyHave(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let enqueuer = TickEnqueuer(queue: fixture.queue)
        let flow = try schedule(
            fixture,
            jobs: [
                ScheduledJob(step: "automl", type: "train.automl", queue: fixture.name),
                ScheduledJob(step: "stack", type: "train.stack", queue: fixture.name),
                ScheduledJob(step: "calibrate", type: "calibrate", queue: fixture.name, after: ["automl", "stack"]),
            ])
        // A leader that died after enqueueing only the first step: its successor must link to that job.
        let key = TickEnqueuer.key(schedule: flow.name, tick: tick)
        let earlier = try await fixture.queue.enqueue(
            JobRequest(type: "train.automl", queue: fixture.name, idempotencyKey: "\(key):automl"))

        let results = try await enqueuer.enqueue(flow, tick: tick, fence: nil)
        #expect(results.map(\.created) == [false, true, true])
        #expect(results[0].id == earlier.id)
        let calibrate = try #require(try await fixture.queue.job(results[2].id))
        #expect(calibrate.dependsOn == [results[0].id, results[1].id])
        #expect(calibrate.state == .waiting)
        #expect(calibrate.idempotencyKey == "\(key):calibrate")
    }

    @Test(arguments: QueueBackendKind.allCases) func manualTriggerIsUnfencedAndKeyedApart(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let enqueuer = TickEnqueuer(queue: fixture.queue)
        let schedule = try schedule(fixture)
        try await enqueuer.enqueue(schedule, tick: tick, fence: .init(name: "scheduler", token: 9))
        let triggered = try await enqueuer.trigger(schedule, at: tick)
        #expect(triggered[0].created)
        let keys = try await fixture.queuedKeys().sorted()
        #expect(keys == ["schedule:test.tick:2026-01-01T00:00:00Z", "schedule:test.tick:manual:2026-01-01T00:00:00.000Z"])
    }
}
