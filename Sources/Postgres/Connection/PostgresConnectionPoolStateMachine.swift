/// The bookkeeping of `PostgresConnectionPool`, with no I/O: events go in, actions come out.
///
/// It counts slots (connections open, opening or leased, never more than the maximum), keeps idle connections
/// and the waiters' queue (first come, first served), and decides what a returned connection becomes: idle,
/// handed to the next waiter, or closed with its slot given to a waiter who opens a fresh one. The pool runs
/// it under a lock and carries out its actions (open, close, resume continuations) outside the lock.
/// Generic over the connection so the tests use plain values.
struct PostgresConnectionPoolStateMachine<Connection> {
    /// Identifies a waiting lease; the pool keeps the continuation under it.
    typealias WaiterID = UInt64

    /// What a lease request gets.
    enum LeaseAction {
        /// An idle connection.
        case lease(Connection)
        /// A free slot: the caller opens a connection and, if that fails, reports `connectFailed`.
        case openConnection
        /// Nothing yet: the caller waits as `WaiterID` until `handOver`, `grantSlot` or a failure.
        case wait
        /// The pool was shut down.
        case failShutDown
        /// The caller's task was cancelled before a connection was free.
        case failCancelled
    }

    /// What becomes of a returned connection.
    enum ReleaseAction {
        /// It stays idle for the next lease.
        case keepIdle
        /// The oldest waiter gets it.
        case handOver(Connection, to: WaiterID)
        /// It is closed (broken, inside a transaction, or the pool is shut down); its slot goes to the oldest
        /// waiter, who opens a fresh connection, if there is one.
        case close(Connection, grantSlotTo: WaiterID?)
    }

    /// What shutting down leaves to do.
    struct ShutdownAction {
        /// Idle connections to close.
        var close: [Connection]
        /// Waiters to fail, in arrival order.
        var fail: [WaiterID]
    }

    let maximumConnections: Int
    private var idle: [Connection] = []
    /// Connections open, opening or leased: each holds a slot.
    private(set) var slotsInUse = 0
    private var waiters: [WaiterID] = []
    private var nextWaiterID: WaiterID = 0
    private(set) var isShutDown = false

    init(maximumConnections: Int) {
        self.maximumConnections = maximumConnections
    }

    var idleCount: Int { idle.count }
    var waiterCount: Int { waiters.count }

    /// A fresh identity for the next lease request.
    mutating func makeWaiterID() -> WaiterID {
        nextWaiterID += 1
        return nextWaiterID
    }

    /// `waiter` asks for a connection; `isCancelled` is its task's state, read under the same lock so a
    /// cancellation handler that ran before found no waiter to resume.
    mutating func leaseRequested(by waiter: WaiterID, isCancelled: Bool) -> LeaseAction {
        if isShutDown { return .failShutDown }
        if let connection = idle.popLast() { return .lease(connection) }
        if slotsInUse < maximumConnections {
            slotsInUse += 1
            return .openConnection
        }
        if isCancelled { return .failCancelled }
        waiters.append(waiter)
        return .wait
    }

    /// `waiter`'s task was cancelled: true when it was still waiting and must now fail.
    mutating func waiterCancelled(_ waiter: WaiterID) -> Bool {
        guard let index = waiters.firstIndex(of: waiter) else { return false }
        waiters.remove(at: index)
        return true
    }

    /// A leased connection comes back; `reusable` when it is up and outside any transaction.
    mutating func connectionReleased(_ connection: Connection, reusable: Bool) -> ReleaseAction {
        if reusable && !isShutDown {
            if waiters.isEmpty {
                idle.append(connection)
                return .keepIdle
            }
            return .handOver(connection, to: waiters.removeFirst())
        }
        return .close(connection, grantSlotTo: freeSlot())
    }

    /// Opening a connection in a granted slot failed: the slot goes to the oldest waiter, or is freed.
    mutating func connectFailed() -> WaiterID? {
        freeSlot()
    }

    /// The pool shuts down: idle connections close, waiters fail, later leases fail; leased connections
    /// close when they come back.
    mutating func shutdown() -> ShutdownAction {
        isShutDown = true
        slotsInUse -= idle.count
        defer {
            idle = []
            waiters = []
        }
        return ShutdownAction(close: idle, fail: waiters)
    }

    private mutating func freeSlot() -> WaiterID? {
        if isShutDown || waiters.isEmpty {
            slotsInUse -= 1
            return nil
        }
        return waiters.removeFirst()
    }
}
