import Synchronization

/// Chooses, per read, between the primary and a streaming replica.
///
/// ```swift
/// let games = try await router.database(for: .boundedStaleness).games.page(…)   // the replica while it keeps up
/// let user = try await router.database(for: .primary).users.find(id: id)        // reads its own writes
/// ```
/// A read that tolerates staleness goes to the replica while the replica is known to hold every commit older than
/// `maximumLag`; otherwise, and while the replica fails, to the primary. The replica's position is measured at most
/// once per `lagCheckInterval`, by the read that finds the last measurement too old (two small queries); the reads
/// meanwhile route on what is known. Without a replica every read goes to the primary.
public final class PostgresReadRouter: Sendable {
    /// Where writes and `.primary` reads go.
    public let primary: any PostgresDatabase
    /// The standby, when there is one.
    public let replica: PostgresConnectionPool?
    private let machine: Mutex<ReplicaRoutingStateMachine>
    private let clock = ContinuousClock()

    /// A router over `primary` and, when configured, a replica pool for `replica`; no connection opens until a read.
    public convenience init(primary: any PostgresDatabase, replica: PostgresReplicaConfiguration?) {
        let pool = replica.map { PostgresConnectionPool(configuration: PostgresConfiguration(url: $0.url, maximumConnections: $0.maximumConnections)) }
        self.init(primary: primary, replica: pool, configuration: replica ?? PostgresReplicaConfiguration(url: ""))
    }

    /// A router over `primary` and `replica`, with the bounds of `configuration` (its URL is not used).
    public init(primary: any PostgresDatabase, replica: PostgresConnectionPool?, configuration: PostgresReplicaConfiguration) {
        self.primary = primary
        self.replica = replica
        machine = Mutex(
            ReplicaRoutingStateMachine(
                maximumLag: configuration.maximumLag, checkInterval: configuration.lagCheckInterval,
                retryAfterFailure: configuration.retryAfterFailure))
    }

    /// The database a read with `consistency` uses now: the primary, or a replica handle that falls back to the
    /// primary if the replica fails under it. Use one handle for the reads of one request, so they agree.
    public func database(for consistency: ReadConsistency) async -> any PostgresDatabase {
        await route(consistency) == .replica ? replicaHandle() : primary
    }

    /// Where a read with `consistency` goes now, measuring the replica first when the last measurement is too old.
    public func route(_ consistency: ReadConsistency) async -> ReadRoute {
        guard replica != nil else { return .primary }
        let action = machine.withLock { $0.readRequested(consistency, now: clock.now) }
        if case .read(let route) = action { return route }
        await measure()
        return machine.withLock { $0.route(consistency, now: clock.now) }
    }

    /// What is known of the replica, for health pages and logs.
    public var status: ReplicaStatus? {
        guard replica != nil else { return nil }
        return machine.withLock { machine in
            ReplicaStatus(
                isReadable: machine.route(.boundedStaleness, now: clock.now) == .replica,
                staleness: machine.horizon.map { clock.now - $0 }, lagBytes: machine.lastLagBytes)
        }
    }

    /// A read on the replica found no working connection: reads go to the primary for `retryAfterFailure`.
    func replicaFailed() {
        machine.withLock { $0.replicaFailed(now: clock.now) }
    }

    /// Closes the replica's connections (the primary belongs to whoever made this router).
    public func shutdown() async {
        await replica?.shutdown()
    }

    private func replicaHandle() -> any PostgresDatabase {
        guard let replica else { return primary }
        return ReplicaFallbackDatabase(replica: replica, primary: primary, router: self)
    }

    /// Reads the primary's WAL position, then the replica's replayed one, and hands both to the machine.
    private func measure() async {
        guard let replica else { return }
        let askedAt = clock.now
        do {
            // Positions as byte offsets: `pg_lsn - pg_lsn` is numeric, well within bigint.
            let primaryPosition = try await primary.query("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint AS position")
                .first?.decode(Int64.self, "position")
            let replayed = try await replica.query(
                "SELECT pg_is_in_recovery() AS standby, (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS position"
            ).first
            // A promoted replica is no standby: its data has left the primary's timeline.
            guard let primaryPosition, let replayed, try replayed.decode(Bool.self, "standby"),
                let replayedPosition = try replayed.decode(Int64?.self, "position")
            else {
                machine.withLock { $0.measurementFailed(now: clock.now) }
                return
            }
            machine.withLock {
                $0.measurementSucceeded(
                    primaryPosition: UInt64(max(0, primaryPosition)), askedAt: askedAt, replayedPosition: UInt64(max(0, replayedPosition)),
                    now: clock.now)
            }
        } catch let error as StoreError where error.sqlState == "57014" {
            // This read's task was cancelled, which says nothing of the replica.
            machine.withLock { $0.measurementAbandoned() }
        } catch is CancellationError {
            machine.withLock { $0.measurementAbandoned() }
        } catch {
            // The replica unreachable, or the primary: without the primary's position the replica's staleness has no
            // bound, so reads go to the primary (and fail there as its writes do) until the next measurement.
            machine.withLock { $0.measurementFailed(now: clock.now) }
        }
    }
}
