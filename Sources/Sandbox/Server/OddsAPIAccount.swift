import Foundation
import Synchronization

/// The sandbox's Odds API account: the key, the credits left and the request-frequency limit.
final class OddsAPIAccount: Sendable {
    /// Why a request was refused.
    enum Refusal: Error {
        case missingKey
        case invalidKey
        case outOfCredits
        case tooFrequent
    }

    private struct Usage {
        var used = 0
        var recent: [ContinuousClock.Instant] = []
    }

    private let key: String
    private let quota: Int
    private let requestsPerWindow: Int
    private let window: Duration
    private let usage = Mutex(Usage())

    init(key: String, quota: Int, requestsPerWindow: Int, window: Duration) {
        self.key = key
        self.quota = quota
        self.requestsPerWindow = requestsPerWindow
        self.window = window
    }

    /// Admits a request with `key` costing `cost` credits, or says why not; returns the quota headers' values.
    func charge(key presented: String?, cost: Int) -> Result<(remaining: Int, used: Int, last: Int), Refusal> {
        guard let presented, !presented.isEmpty else { return .failure(.missingKey) }
        guard presented == key else { return .failure(.invalidKey) }
        return usage.withLock { usage in
            let now = ContinuousClock.Instant.now
            usage.recent.removeAll { $0.duration(to: now) > window }
            guard usage.recent.count < requestsPerWindow else { return .failure(.tooFrequent) }
            usage.recent.append(now)
            guard quota - usage.used >= cost else { return .failure(.outOfCredits) }
            usage.used += cost
            return .success((quota - usage.used, usage.used, cost))
        }
    }

    /// Credits left and used.
    var balance: (remaining: Int, used: Int) {
        usage.withLock { (quota - $0.used, $0.used) }
    }
}
