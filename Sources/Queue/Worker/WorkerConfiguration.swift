import Foundation

/// How a worker process takes and runs jobs.
public struct WorkerConfiguration: Sendable {
    /// A queue and its share of fetches: a queue of weight 3 is tried first three times as often as one of weight 1.
    public struct WeightedQueue: Sendable, Equatable {
        public var name: String
        public var weight: Int
        public init(_ name: String, weight: Int = 1) {
            self.name = name
            self.weight = weight
        }
    }

    public var queues: [WeightedQueue]
    /// Jobs run at once by this process.
    public var concurrency: Int
    /// How long a lease lasts without a heartbeat; a crashed worker's jobs return after this.
    public var lease: Duration
    /// How often leases are extended and cancel requests read: by default a third of the lease, at most a second, so
    /// an operator's cancel reaches a running job within about a second whatever the lease.
    public var heartbeatInterval: Duration
    /// How often this worker returns expired leases (of any worker) and tells children about finished parents.
    public var maintenanceInterval: Duration
    /// The longest an idle worker sleeps before looking again (new jobs wake it at once).
    public var pollInterval: Duration
    /// On SIGTERM, how long running jobs may take to finish before their leases are handed back.
    public var shutdownGracePeriod: Duration
    /// Most jobs leased in one round trip.
    public var reserveBatch: Int
    /// Names this worker to operators: host, pid and a random suffix.
    public var identity: String

    public init(
        queues: [WeightedQueue] = [WeightedQueue("default")],
        concurrency: Int = 10,
        lease: Duration = .seconds(30),
        heartbeatInterval: Duration? = nil,
        maintenanceInterval: Duration = .seconds(1),
        pollInterval: Duration = .seconds(1),
        shutdownGracePeriod: Duration = .seconds(25),
        reserveBatch: Int = 100,
        identity: String? = nil
    ) {
        self.queues = queues
        self.concurrency = concurrency
        self.lease = lease
        self.heartbeatInterval = heartbeatInterval ?? min(lease / 3, .seconds(1))
        self.maintenanceInterval = maintenanceInterval
        self.pollInterval = pollInterval
        self.shutdownGracePeriod = shutdownGracePeriod
        self.reserveBatch = reserveBatch
        self.identity = identity ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(JobID.generate().suffix(6))"
    }

    /// Parses `collect=3,train=1` (a missing weight means 1).
    public static func parseQueues(_ text: String) throws -> [WeightedQueue] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw QueueError(.invalidRequest, "no queues given (expected e.g. collect=3,train=1)") }
        return try parts.map { part in
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            try QueueName.validate(pieces[0])
            guard pieces.count == 1 || (Int(pieces[1]).map { $0 >= 1 && $0 <= 100 } ?? false) else {
                throw QueueError(.invalidRequest, "weight of queue \(pieces[0]) must be a whole number from 1 to 100, got \"\(pieces[1])\"")
            }
            return WeightedQueue(pieces[0], weight: pieces.count == 2 ? Int(pieces[1])! : 1)
        }
    }
}
