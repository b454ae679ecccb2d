import Foundation
import Queue
import Testing

@testable import Scheduler

@Suite struct LeaderLeaseTests {
    @Test(arguments: QueueBackendKind.redisDeployments) func oneOwnerHoldsTheLeaseAndEachAcquisitionDrawsANewerToken(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let first = LeaderLease(redis: fixture.redis, keys: fixture.keys, owner: "first")
        let second = LeaderLease(redis: fixture.redis, keys: fixture.keys, owner: "second")

        guard case .acquired(let token) = try await first.acquire(ttl: .seconds(60)) else {
            Issue.record("the free lease was not acquired")
            return
        }
        guard case .heldByAnother(let remaining) = try await second.acquire(ttl: .seconds(60)) else {
            Issue.record("a held lease was acquired twice")
            return
        }
        // Leases of a minute: this runs beside CPU-bound suites, which can hold the test up for many seconds.
        #expect(remaining > .seconds(30) && remaining <= .seconds(60))
        #expect(try await first.renew(ttl: .seconds(60)))
        #expect(try await second.renew(ttl: .seconds(60)) == false)
        #expect(try await second.release() == false)
        #expect(try await first.release())
        #expect(try await second.acquire(ttl: .seconds(60)) == .acquired(token: token + 1))
    }

    @Test(arguments: QueueBackendKind.redisDeployments) func expiredLeaseGoesToTheStandbyAndTheOldOwnerCannotRenew(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let leader = LeaderLease(redis: fixture.redis, keys: fixture.keys, owner: "leader")
        let standby = LeaderLease(redis: fixture.redis, keys: fixture.keys, owner: "standby")
        #expect(try await leader.acquire(ttl: .milliseconds(200)) == .acquired(token: 1))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await standby.acquire(ttl: .seconds(10)) == .acquired(token: 2))
        #expect(try await leader.renew(ttl: .seconds(10)) == false)
    }

    @Test(arguments: QueueBackendKind.redisDeployments) func ledgerMovesForwardOnlyAndRefusesAStaleToken(_ backend: QueueBackendKind) async throws {
        let fixture = try RedisFixture(queueBackend: backend)
        let ledger = TickLedger(redis: fixture.redis, keys: fixture.keys)
        let lease = LeaderLease(redis: fixture.redis, keys: fixture.keys, owner: "leader")
        _ = try await lease.acquire(ttl: .seconds(10))
        _ = try await lease.acquire(ttl: .seconds(10))  // token 2 is now the newest
        let tick = Date(timeIntervalSince1970: 1_767_225_600)

        #expect(try await ledger.record(tick, for: "a", token: 2))
        #expect(try await ledger.record(tick.addingTimeInterval(-60), for: "a", token: 2))
        #expect(try await ledger.record(tick.addingTimeInterval(60), for: "a", token: 1) == false)
        #expect(try await ledger.lastTicks() == ["a": tick])
    }
}
