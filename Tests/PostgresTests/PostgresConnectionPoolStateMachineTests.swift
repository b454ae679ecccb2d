import Testing

@testable import Postgres

/// The pool's bookkeeping, with no server: connections are plain strings, waiters their numbers.
@Suite struct PostgresConnectionPoolStateMachineTests {
    typealias Machine = PostgresConnectionPoolStateMachine<String>

    /// A new lease request's outcome, as text.
    func lease(_ machine: inout Machine, cancelled: Bool = false) -> String {
        switch machine.leaseRequested(by: machine.makeWaiterID(), isCancelled: cancelled) {
        case .lease(let connection): "lease \(connection)"
        case .openConnection: "open"
        case .wait: "wait"
        case .failShutDown: "shut down"
        case .failCancelled: "cancelled"
        }
    }

    /// What a returned connection becomes, as text.
    func release(_ machine: inout Machine, _ connection: String, reusable: Bool = true) -> String {
        switch machine.connectionReleased(connection, reusable: reusable) {
        case .keepIdle: "idle"
        case .handOver(let connection, let waiter): "\(connection) to \(waiter)"
        case .close(let connection, let waiter?): "close \(connection), slot to \(waiter)"
        case .close(let connection, nil): "close \(connection)"
        }
    }

    /// A pool of `maximum` whose every slot is leased, with `waiters` queued behind (waiters numbered from
    /// `maximum + 1`).
    func full(_ maximum: Int, waiters: Int = 0) -> Machine {
        var machine = Machine(maximumConnections: maximum)
        for _ in 0..<maximum { #expect(lease(&machine) == "open") }
        for _ in 0..<waiters { #expect(lease(&machine) == "wait") }
        return machine
    }

    @Test func opensLazilyUpToTheMaximumThenQueuesWaiters() {
        let machine = full(2, waiters: 1)
        #expect(machine.slotsInUse == 2 && machine.waiterCount == 1)
    }

    @Test func aReturnedConnectionIsReusedBeforeANewOneOpens() {
        var machine = Machine(maximumConnections: 2)
        _ = lease(&machine)
        #expect(release(&machine, "a") == "idle")
        #expect(lease(&machine) == "lease a")
        #expect(machine.slotsInUse == 1)
    }

    @Test func waitersAreServedFirstComeFirstServed() {
        var machine = full(1, waiters: 2)
        #expect(release(&machine, "a") == "a to 2")
        #expect(release(&machine, "a") == "a to 3")
        #expect(release(&machine, "a") == "idle")
        #expect(machine.slotsInUse == 1 && machine.idleCount == 1)
    }

    @Test func aBrokenConnectionIsClosedAndItsSlotGoesToTheNextWaiter() {
        var machine = full(1, waiters: 1)
        #expect(release(&machine, "a", reusable: false) == "close a, slot to 2")
        #expect(machine.slotsInUse == 1)
        // Without waiters the slot is freed, so the next lease opens a fresh connection.
        #expect(release(&machine, "b", reusable: false) == "close b")
        #expect(machine.slotsInUse == 0)
        #expect(lease(&machine) == "open")
    }

    @Test func aFailedConnectPassesTheSlotOnOrFreesIt() {
        var machine = full(1, waiters: 1)
        #expect(machine.connectFailed() == 2)
        #expect(machine.slotsInUse == 1)
        #expect(machine.connectFailed() == nil)
        #expect(machine.slotsInUse == 0)
    }

    @Test func cancelledWaitersLeaveTheQueue() {
        var machine = full(1, waiters: 2)
        let first = machine.waiterCancelled(2), again = machine.waiterCancelled(2)
        #expect(first && !again)
        #expect(release(&machine, "a") == "a to 3")
        // A task already cancelled when it would queue fails at once instead.
        #expect(lease(&machine, cancelled: true) == "cancelled")
        #expect(machine.waiterCount == 0)
    }

    @Test func aCancelledTaskStillTakesAnIdleConnectionOrAFreeSlot() {
        var machine = Machine(maximumConnections: 2)
        #expect(lease(&machine, cancelled: true) == "open")
        #expect(release(&machine, "a") == "idle")
        #expect(lease(&machine, cancelled: true) == "lease a")
    }

    @Test func shutdownFailsWaitersRefusesLeasesAndClosesConnectionsAsTheyComeBack() {
        var machine = full(2, waiters: 2)
        let shutdown = machine.shutdown()
        #expect(shutdown.close.isEmpty && shutdown.fail == [3, 4])
        #expect(lease(&machine) == "shut down")
        // Leased connections close when they come back, even healthy ones.
        #expect(release(&machine, "a") == "close a")
        #expect(machine.slotsInUse == 1)
    }

    @Test func shutdownClosesWhatIsIdle() {
        var machine = full(3)
        _ = release(&machine, "a")
        _ = release(&machine, "b")
        #expect(machine.shutdown().close == ["a", "b"])
        #expect(machine.slotsInUse == 1)
    }
}
