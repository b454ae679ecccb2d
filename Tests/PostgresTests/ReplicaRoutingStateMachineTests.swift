import Testing

@testable import Postgres

/// The read routing's decisions, with no server: instants are driven by hand, WAL positions are plain numbers.
@Suite struct ReplicaRoutingStateMachineTests {
    let start = ContinuousClock.now

    func machine(maximumLag: Duration = .seconds(5), checkInterval: Duration = .seconds(1), retry: Duration = .seconds(5))
        -> ReplicaRoutingStateMachine
    {
        ReplicaRoutingStateMachine(maximumLag: maximumLag, checkInterval: checkInterval, retryAfterFailure: retry)
    }

    func at(_ seconds: Double) -> ContinuousClock.Instant {
        start + .milliseconds(Int64(seconds * 1000))
    }

    /// Runs one measurement at `seconds`: the primary at `primary`, the replica replayed to `replayed`.
    func measure(_ machine: inout ReplicaRoutingStateMachine, at seconds: Double, primary: UInt64, replayed: UInt64) {
        #expect(machine.readRequested(.boundedStaleness, now: at(seconds)) == .measure)
        machine.measurementSucceeded(primaryPosition: primary, askedAt: at(seconds), replayedPosition: replayed, now: at(seconds))
    }

    @Test func theFirstReadMeasuresAndUntilThenReadsThePrimary() {
        var machine = machine()
        #expect(machine.route(.boundedStaleness, now: at(0)) == .primary)
        #expect(machine.readRequested(.boundedStaleness, now: at(0)) == .measure)
        // One measurement at a time: the reads that arrive meanwhile route on what is known.
        #expect(machine.readRequested(.boundedStaleness, now: at(0.01)) == .read(.primary))
        machine.measurementSucceeded(primaryPosition: 100, askedAt: at(0), replayedPosition: 100, now: at(0.02))
        #expect(machine.route(.boundedStaleness, now: at(0.02)) == .replica)
        #expect(machine.lastLagBytes == 0)
    }

    @Test func primaryReadsNeverMeasureNorTouchTheReplica() {
        var machine = machine()
        #expect(machine.readRequested(.primary, now: at(0)) == .read(.primary))
        measure(&machine, at: 1, primary: 10, replayed: 10)
        #expect(machine.readRequested(.primary, now: at(1.1)) == .read(.primary))
    }

    @Test func aMeasurementIsCachedForTheCheckInterval() {
        var machine = machine()
        measure(&machine, at: 0, primary: 10, replayed: 10)
        #expect(machine.readRequested(.boundedStaleness, now: at(0.5)) == .read(.replica))
        #expect(machine.readRequested(.boundedStaleness, now: at(0.99)) == .read(.replica))
        #expect(machine.readRequested(.boundedStaleness, now: at(1.0)) == .measure)
    }

    /// The case the replay timestamp gets wrong: no writes for an hour, and the replica holds everything.
    @Test func anIdlePrimaryDoesNotMakeTheReplicaLookStale() {
        var machine = machine()
        for second in stride(from: 0.0, through: 3600, by: 60) {
            measure(&machine, at: second, primary: 500, replayed: 500)
            #expect(machine.route(.boundedStaleness, now: at(second)) == .replica)
        }
    }

    @Test func aReplicaThatStopsReplayingIsLeftOnceItsDataIsOlderThanTheBound() {
        var machine = machine(maximumLag: .seconds(3))
        measure(&machine, at: 0, primary: 100, replayed: 100)
        // The primary moves on; the replica stays at 100 (replay paused, or the link down).
        for second in 1...3 {
            measure(&machine, at: Double(second), primary: 100 + UInt64(second) * 10, replayed: 100)
        }
        #expect(machine.lastLagBytes == 30)
        // Everything before instant 0 is replayed: 3 s old at 3 s, within the bound; past it, not.
        #expect(machine.route(.boundedStaleness, now: at(3)) == .replica)
        #expect(machine.route(.boundedStaleness, now: at(3.001)) == .primary)
        // It catches up to what the primary had at 2 s: 2 s old, readable again.
        measure(&machine, at: 4, primary: 140, replayed: 120)
        #expect(machine.horizon == at(2))
        #expect(machine.route(.boundedStaleness, now: at(4)) == .replica)
    }

    @Test func aReplicaThatKeepsUpDespiteSteadyWritesStaysReadable() {
        var machine = machine(maximumLag: .seconds(2))
        // Each measurement finds the replica at the position the primary had at the previous one.
        var position: UInt64 = 0
        for second in 0...20 {
            measure(&machine, at: Double(second), primary: position + 1000, replayed: position)
            position += 1000
            if second > 0 { #expect(machine.route(.boundedStaleness, now: at(Double(second))) == .replica) }
        }
    }

    @Test func aReadAfterAnEventWaitsForTheReplicaToHoldEverythingBeforeIt() {
        var machine = machine()
        measure(&machine, at: 0, primary: 100, replayed: 100)
        // An invalidation seen at 0.5 s: the replica's horizon (0 s) is older, so the primary serves.
        #expect(machine.route(.committedBefore(at(0.5)), now: at(0.6)) == .primary)
        #expect(machine.route(.boundedStaleness, now: at(0.6)) == .replica)
        measure(&machine, at: 1, primary: 150, replayed: 150)
        #expect(machine.route(.committedBefore(at(0.5)), now: at(1.1)) == .replica)
    }

    @Test func aFailedReplicaIsLeftForTheRetryPeriodThenMeasuredAgain() {
        var machine = machine(retry: .seconds(5))
        measure(&machine, at: 0, primary: 100, replayed: 100)
        machine.replicaFailed(now: at(0.2))
        #expect(machine.horizon == nil)
        #expect(machine.readRequested(.boundedStaleness, now: at(1.5)) == .read(.primary))
        #expect(machine.readRequested(.boundedStaleness, now: at(5.1)) == .read(.primary))
        #expect(machine.readRequested(.boundedStaleness, now: at(5.2)) == .measure)
        machine.measurementSucceeded(primaryPosition: 200, askedAt: at(5.2), replayedPosition: 200, now: at(5.21))
        #expect(machine.route(.boundedStaleness, now: at(5.3)) == .replica)
    }

    @Test func aFailedMeasurementSendsReadsToThePrimary() {
        var machine = machine(retry: .seconds(2))
        measure(&machine, at: 0, primary: 100, replayed: 100)
        #expect(machine.readRequested(.boundedStaleness, now: at(1)) == .measure)
        machine.measurementFailed(now: at(1.01))
        #expect(machine.isMeasuring == false)
        #expect(machine.readRequested(.boundedStaleness, now: at(2)) == .read(.primary))
        #expect(machine.readRequested(.boundedStaleness, now: at(3.02)) == .measure)
    }

    @Test func aFailureDuringAMeasurementOutweighsItsResult() {
        var machine = machine()
        #expect(machine.readRequested(.boundedStaleness, now: at(0)) == .measure)
        machine.replicaFailed(now: at(0.01))
        machine.measurementSucceeded(primaryPosition: 100, askedAt: at(0), replayedPosition: 100, now: at(0.02))
        #expect(machine.route(.boundedStaleness, now: at(0.03)) == .primary)
    }

    @Test func anAbandonedMeasurementLetsTheNextReadMeasure() {
        var machine = machine()
        #expect(machine.readRequested(.boundedStaleness, now: at(0)) == .measure)
        machine.measurementAbandoned()
        #expect(machine.readRequested(.boundedStaleness, now: at(0.01)) == .measure)
    }

    @Test func unreplayedPositionsAreBounded() {
        var machine = machine(maximumLag: .seconds(100))
        measure(&machine, at: 0, primary: 0, replayed: 0)
        for second in 1...50 {
            measure(&machine, at: Double(second), primary: UInt64(second) * 10, replayed: 0)
        }
        // The replica reaches the position of 15 s, which was dropped (16 are kept: 35 s to 50 s): the horizon
        // stays where it was rather than move to an instant it cannot vouch for.
        measure(&machine, at: 51, primary: 520, replayed: 150)
        #expect(machine.horizon == at(0))
        measure(&machine, at: 52, primary: 530, replayed: 530)
        #expect(machine.horizon == at(52))
    }

    @Test func theCheckIntervalStaysBelowTheBound() {
        let configuration = PostgresReplicaConfiguration(url: "x", maximumLag: .seconds(1), lagCheckInterval: .seconds(10))
        #expect(configuration.lagCheckInterval == .milliseconds(500))
    }
}
