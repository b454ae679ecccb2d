import Foundation
import Testing
@testable import Queue

/// The packed job hash (`JobSpec`, `RedisJobHash`) reads as the field-per-setting hash it replaces.
@Suite struct JobSpecTests {
    @Test func aSpecHashReadsAsTheHashWithEveryField() throws {
        let request = JobRequest(
            type: "odd,type", payload: "{}", priority: 3, maxAttempts: 7, backoff: .seconds(2), maximumBackoff: .seconds(60),
            timeout: .seconds(90))
        let job = JobDefinition(request, now: 1_000)
        let spec = JobSpec.text(for: job, createdAt: 1_000)
        let packed = RedisJobHash(stored: ["spec": spec, "payload": "{}", "state": "queued"], leaseUntil: nil).fields
        let full = RedisJobHash(
            stored: [
                "type": "odd,type", "payload": "{}", "state": "queued", "priority": "3", "max_attempts": "7", "timeout_ms": "90000",
                "backoff_base_ms": "2000", "backoff_max_ms": "60000", "created_at": "1000", "run_at": "1000",
            ], leaseUntil: nil
        ).fields
        #expect(packed == full)
        #expect(JobRecord(queue: "q", id: "1", fields: packed) == JobRecord(queue: "q", id: "1", fields: full))
    }

    @Test func aTypeWithCommasAndCharactersOfSeveralBytesComesBackWhole() throws {
        let job = JobDefinition(JobRequest(type: "résumé,👍🏽,x"), now: 1_000)
        let values = try #require(JobSpec.values(of: JobSpec.text(for: job, createdAt: 1_000)))
        #expect(values.last == "résumé,👍🏽,x")
        #expect(JobSpec.values(of: "1,2,3") == nil)
    }

    @Test func aPackedJobReadsAsTheHashItBecomes() throws {
        let job = JobDefinition(JobRequest(type: "a.b"), now: 1_000)
        let spec = JobSpec.text(for: job, createdAt: 1_000)
        let payload = "{\"text\":\"two\\nlines\"}\n"
        #expect(JobSpec.unpacked(spec + "\n" + payload) == ["spec": spec, "payload": payload, "state": "queued"])
        let fields = RedisJobHash(stored: JobSpec.unpacked(spec + "\n" + payload), leaseUntil: nil).fields
        #expect(fields["type"] == "a.b" && fields["payload"] == payload && fields["state"] == "queued")
    }

    @Test func aFieldOfTheHashsOwnWinsOverTheSpec() throws {
        let job = JobDefinition(JobRequest(type: "t"), now: 1_000)
        let stored = ["spec": JobSpec.text(for: job, createdAt: 1_000), "state": "retrying", "run_at": "5000"]
        #expect(RedisJobHash(stored: stored, leaseUntil: nil).fields["run_at"] == "5000")
    }

    @Test func onlyARunningJobHasALeaseAndASucceededOneIsDone() throws {
        let running = RedisJobHash(stored: ["type": "t", "state": "running", "lease_until": "1"], leaseUntil: "2").fields
        #expect(running["lease_until"] == "2")
        let finished = RedisJobHash(stored: ["type": "t", "state": "succeeded", "lease_until": "1", "progress": "40"], leaseUntil: nil)
        #expect(finished.fields["lease_until"] == nil)
        #expect(finished.fields["progress"] == "100")
    }
}
