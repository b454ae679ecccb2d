import Foundation

/// Everything the scheduler needs to know, filled in by `aips scheduler`.
public struct SchedulerConfiguration: Sendable {
    /// The schedules to fire (default: the seed's, `Schedule.defaults`).
    public var schedules: [Schedule]
    /// Lease timings (default: a 10 s lease renewed every 3⅓ s).
    public var election: LeaderElection.Configuration
    /// Where the lease, fencing counter and tick ledger live in Redis.
    public var keys: SchedulerKeys
    /// This process's name in the lease (default `host:pid:random`).
    public var owner: String
    /// The fence name the queue tracks tokens under (default `scheduler`).
    public var fenceName: String
    /// A tick later than this is missed: `skip` schedules drop it (default 30 s, beyond a failover).
    public var lateTickGrace: Duration
    /// How long to wait before trying again after Redis refused or failed an enqueue (default 1 s).
    public var retryDelay: Duration

    /// A configuration with the documented defaults.
    public init(
        schedules: [Schedule] = Schedule.defaults,
        election: LeaderElection.Configuration = .init(),
        keys: SchedulerKeys = .init(),
        owner: String = SchedulerConfiguration.defaultOwner(),
        fenceName: String = "scheduler",
        lateTickGrace: Duration = .seconds(30),
        retryDelay: Duration = .seconds(1)
    ) {
        self.schedules = schedules
        self.election = election
        self.keys = keys
        self.owner = owner
        self.fenceName = fenceName
        self.lateTickGrace = lateTickGrace
        self.retryDelay = retryDelay
    }

    /// `host:pid:random`: unique per process, and readable in `GET` of the lease key.
    public static func defaultOwner() -> String {
        let process = ProcessInfo.processInfo
        return "\(process.hostName):\(process.processIdentifier):\(String(UInt32.random(in: .min ... .max), radix: 16))"
    }
}
