import API
import Foundation
import HTTPTypes
import Queue
import Store
import Testing

/// `/api/v1/admin/jobs…` and `/api/v1/admin/queues…` over real HTTP on the real Redis queue: each repair's effect.
struct AdminQueueEndpointTests {
    /// Submits a diag.noop job to the test's queue over the API, then takes it and fails it for good: a dead job.
    private static func deadJob(_ harness: APITestHarness, _ client: APIClient, token: String) async throws -> String {
        let submitted = try await client.post(
            "/api/v1/jobs", token: token, json: #"{"type":"diag.noop","payload":{},"queue":"\#(harness.queueName)","max_attempts":1}"#)
        let id = try #require(submitted.data?["id"]?.string, "\(submitted.text)")
        let reserved = try await harness.queue.reserve(queue: harness.queueName, worker: "admin-test", lease: .seconds(30), max: 1).jobs
        let job = try #require(reserved.first { $0.id == id })
        let error = AttemptError(attempt: 1, at: 0, kind: "error", message: "boom")
        #expect(try await harness.queue.fail(queue: harness.queueName, [(id, job.leaseToken, error, .dead)]) == [.dead])
        return id
    }

    @Test func retryCancelPurgePauseAndResume() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let queue = harness.queueName
        try await harness.run(as: admin) { client, token in
            let dead = try await Self.deadJob(harness, client, token: token)
            let retried = try await client.request(.post, "/api/v1/admin/jobs/\(dead)/retry", token: token)
            #expect(retried.status == .ok, "\(retried.text)")
            #expect(retried.data?["outcome"]?.string == "queued")
            #expect(retried.data?["job"]?["state"]?.string == "queued")
            #expect(try await harness.queue.job(dead)?.state == .queued)
            let notDead = try await client.request(.post, "/api/v1/admin/jobs/\(dead)/retry", token: token)
            #expect(notDead.status == .conflict)
            #expect(notDead.errorCode == "INVALID_JOB_STATE")

            let cancelled = try await client.request(.post, "/api/v1/admin/jobs/\(dead)/cancel", token: token)
            #expect(cancelled.data?["outcome"]?.string == "cancelled", "\(cancelled.text)")
            #expect(try await harness.queue.job(dead)?.state == .cancelled)
            let twice = try await client.request(.post, "/api/v1/admin/jobs/\(dead)/cancel", token: token)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "INVALID_JOB_STATE")

            let second = try await Self.deadJob(harness, client, token: token)
            let third = try await Self.deadJob(harness, client, token: token)
            let purged = try await client.request(.post, "/api/v1/admin/queues/\(queue)/purge-dead", token: token)
            #expect(purged.data?["purged"]?.int == 2, "\(purged.text)")
            for id in [second, third] {
                #expect(try await client.get("/api/v1/jobs/\(id)", token: token).status == .notFound)
            }
            #expect(try await harness.queue.stats(queue: queue).counts[.dead] ?? 0 == 0)
            #expect(try await harness.queue.job(dead)?.state == .cancelled, "a purge takes dead jobs only")

            let paused = try await client.request(.post, "/api/v1/admin/queues/\(queue)/pause", token: token)
            #expect(paused.data?["paused"]?.bool == true, "\(paused.text)")
            #expect(try await harness.queue.stats(queue: queue).paused)
            let reservation = try await harness.queue.reserve(queue: queue, worker: "admin-test", lease: .seconds(30), max: 1)
            #expect(reservation.paused && reservation.jobs.isEmpty)
            let resumed = try await client.request(.post, "/api/v1/admin/queues/\(queue)/resume", token: token)
            #expect(resumed.data?["paused"]?.bool == false, "\(resumed.text)")
            #expect(try await harness.queue.stats(queue: queue).paused == false)

            let unknown = try await client.request(.post, "/api/v1/admin/jobs/01J0000000000000000000000A/retry", token: token)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "JOB_NOT_FOUND")
            let badQueue = try await client.request(.post, "/api/v1/admin/queues/Bad%20Queue!/pause", token: token)
            #expect(badQueue.status == .badRequest, "\(badQueue.text)")
            #expect(badQueue.errorCode == "VALIDATION_FAILED")
        }
    }
}
