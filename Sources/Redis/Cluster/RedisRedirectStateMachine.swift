/// What a cluster or sentinel client does with one command after each attempt, with no I/O.
///
/// The client sends the command where the topology says, reports the outcome with `decide`, and carries out the
/// decision: deliver it, follow a `MOVED` or `ASK` redirect, or wait and send again. Only failures that prove the
/// command did not run are retried (a redirect, `TRYAGAIN`, `CLUSTERDOWN`, `READONLY`, `UNBLOCKED`, a connection
/// that never opened); a connection lost in flight leaves the outcome unknown, so that failure is delivered — running a
/// command twice is the caller's call — and the topology is refreshed for the commands that follow.
///
/// ```
/// attempt ──reply or final error──▶ deliver (and refresh after a lost connection or timeout)
///    │ ▲
///    │ └── MOVED: record the slot's new master, send there · ASK: ASKING + command there, once
///    └──── TRYAGAIN, CLUSTERDOWN, READONLY, not connected: wait (doubling), refresh, send again while time is left
/// ```
struct RedisRedirectStateMachine {
    typealias Endpoint = RedisConfiguration.Endpoint

    /// What to do next.
    enum Decision: Equatable {
        /// The outcome is final: deliver it.
        case deliver
        /// Deliver the outcome, and refresh the topology: the node may be gone.
        case deliverAndRefresh
        /// The slot moved for good: record `slot → node`, refresh the map, and send the command to `node`.
        case moved(slot: Int, to: Endpoint)
        /// The slot is migrating and the key is on `node`: send `ASKING` and the command there, this once.
        case ask(Endpoint)
        /// Wait `after`, refresh the topology when `refreshTopology`, and send again where the map says.
        case retry(after: Duration, refreshTopology: Bool)
    }

    /// The whole command's time budget; no retry starts past it.
    let timeout: Duration
    /// Redirects followed so far; a slot bouncing between nodes ends after `maximumRedirects`.
    private(set) var redirects = 0
    private var backoff: Duration
    private let maximumBackoff: Duration
    let maximumRedirects = 16

    init(timeout: Duration, minimumBackoff: Duration = .milliseconds(10), maximumBackoff: Duration = .milliseconds(250)) {
        self.timeout = timeout
        backoff = minimumBackoff
        self.maximumBackoff = maximumBackoff
    }

    /// The outcome of one attempt on the node at `node`, `elapsed` after the command started.
    mutating func decide(_ outcome: Result<RedisValue, RedisError>, from node: Endpoint?, elapsed: Duration) -> Decision {
        guard case .failure(let error) = outcome else { return .deliver }
        switch error.code {
        case .server:
            return decide(serverError: error.message, from: node, elapsed: elapsed)
        case .connectionFailed:
            // Never sent: the node is down or the map is stale.
            return retry(elapsed: elapsed, refreshTopology: true) ?? .deliverAndRefresh
        case .connectionLost, .timeout:
            return .deliverAndRefresh
        case .invalidURL, .authentication, .closed, .unsupported:
            return .deliver
        }
    }

    private mutating func decide(serverError message: String, from node: Endpoint?, elapsed: Duration) -> Decision {
        let words = message.split(separator: " ")
        switch words.first {
        case "MOVED", "ASK":
            guard words.count >= 3, let slot = Int(words[1]), slot >= 0, slot < RedisHashSlot.count,
                let target = Endpoint(node: words[2], source: node ?? .tcp(host: "127.0.0.1", port: 6379)),
                redirects < maximumRedirects
            else { return .deliver }
            redirects += 1
            return words[0] == "MOVED" ? .moved(slot: slot, to: target) : .ask(target)
        case "TRYAGAIN":
            // A multi-key command during a migration: its keys are split across the two nodes for a moment.
            return retry(elapsed: elapsed, refreshTopology: false) ?? .deliver
        case "CLUSTERDOWN", "READONLY", "MASTERDOWN", "LOADING", "UNBLOCKED":
            // A failover is under way (or the node restarted): the map or the master will change shortly. A
            // blocking command on a master that became a replica is UNBLOCKED without having popped anything.
            return retry(elapsed: elapsed, refreshTopology: true) ?? .deliver
        default:
            return .deliver
        }
    }

    /// A retry after the current backoff (which then doubles), or nil when it would end past the timeout.
    private mutating func retry(elapsed: Duration, refreshTopology: Bool) -> Decision? {
        let delay = backoff
        guard elapsed + delay < timeout else { return nil }
        backoff = min(backoff * 2, maximumBackoff)
        return .retry(after: delay, refreshTopology: refreshTopology)
    }
}
