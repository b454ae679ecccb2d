import Testing

@testable import Scheduler

@Suite struct LeaderElectionTests {
    let start = ContinuousClock.now
    let configuration = LeaderElection.Configuration(leaseTTL: .seconds(9))

    func at(_ seconds: Double) -> ContinuousClock.Instant { start + .milliseconds(Int64((seconds * 1_000).rounded())) }

    /// An election that acquired the lease with `token` at 0.
    func leading(token: UInt64) -> LeaderElection {
        var election = LeaderElection(configuration: configuration, now: at(0))
        _ = election.tick(now: at(0))
        _ = election.acquired(token: token)
        return election
    }

    @Test func defaultLeaseIsAtMostFifteenSecondsAndRenewsEveryThird() {
        let defaults = LeaderElection.Configuration()
        #expect(defaults.leaseTTL <= .seconds(15))
        #expect(defaults.renewInterval == defaults.leaseTTL / 3)
    }

    @Test func standbyAcquiresAtOnceAndLeadsWithItsToken() {
        var election = LeaderElection(configuration: configuration, now: at(0))
        #expect(election.tick(now: at(0)) == .acquire)
        #expect(election.leadership(at: at(0)) == nil)
        #expect(election.acquired(token: 7) == .becameLeader(token: 7))
        #expect(election.leadership(at: at(1)) == 7)
        #expect(election.tick(now: at(1)) == .wait(until: at(3)))
    }

    @Test func leaderRenewsEveryThirdOfTheLeaseAndKeepsLeading() {
        var election = leading(token: 1)
        #expect(election.tick(now: at(3)) == .renew(token: 1))
        #expect(election.renewed() == .wait(until: at(6)))
        // Belief is measured from when the renewal was sent, minus the safety margin.
        #expect(election.leadership(at: at(11)) == 1)
        #expect(election.leadership(at: at(11.6)) == nil)
    }

    @Test func leaderWhoseRenewalsFailStepsDownBeforeTheLeaseExpires() {
        var election = leading(token: 3)
        #expect(election.tick(now: at(3)) == .renew(token: 3))
        #expect(election.renewFailed(now: at(3.5)) == .wait(until: at(4.25)))
        #expect(election.tick(now: at(4.25)) == .renew(token: 3))
        #expect(election.renewFailed(now: at(8.6)) == .lostLeadership(token: 3))
        #expect(election.leadership(at: at(8.6)) == nil)
        #expect(election.tick(now: at(8.7)) == .wait(until: at(11.6)))
    }

    @Test func leaderPausedPastItsLeaseStepsDownOnWaking() {
        var election = leading(token: 4)
        // SIGSTOP for 20 s: the first tick after waking gives up leadership instead of renewing.
        #expect(election.leadership(at: at(20)) == nil)
        #expect(election.tick(now: at(20)) == .lostLeadership(token: 4))
    }

    @Test func refusedRenewalMeansAnotherLeader() {
        var election = leading(token: 5)
        _ = election.tick(now: at(3))
        #expect(election.renewRefused(now: at(3.1)) == .lostLeadership(token: 5))
        #expect(election.leadership(at: at(3.2)) == nil)
    }

    @Test func standbyRetriesWhenTheHoldersLeaseRunsOut() {
        var election = LeaderElection(configuration: configuration, now: at(0))
        #expect(election.tick(now: at(0)) == .acquire)
        #expect(election.acquireRefused(remaining: .seconds(1)) == .wait(until: at(1.001)))
        #expect(election.tick(now: at(0.5)) == .wait(until: at(1.001)))
        #expect(election.tick(now: at(1.001)) == .acquire)
        // A long remaining lease is polled at the retry interval, not slept through.
        #expect(election.acquireRefused(remaining: .seconds(9)) == .wait(until: at(4.001)))
        #expect(election.tick(now: at(4.001)) == .acquire)
        #expect(election.acquireFailed(now: at(4.5)) == .wait(until: at(7.5)))
    }

    @Test func fencedLeaderStepsDown() {
        var election = leading(token: 2)
        #expect(election.fenced(now: at(1)) == .lostLeadership(token: 2))
        #expect(election.leadership(at: at(1)) == nil)
    }

    @Test func shutdownReleasesAHeldLeaseAndStops() {
        var leader = leading(token: 6)
        #expect(leader.shutdown() == .release(token: 6))
        #expect(leader.tick(now: at(1)) == .stop)

        var standby = LeaderElection(configuration: configuration, now: at(0))
        #expect(standby.shutdown() == .stop)
    }

    @Test func lateOutcomesAreIgnored() {
        var election = LeaderElection(configuration: configuration, now: at(0))
        #expect(election.acquired(token: 9) == .wait(until: at(0)))
        #expect(election.renewed() == .wait(until: at(0)))
        #expect(election.leadership(at: at(0)) == nil)
    }
}
