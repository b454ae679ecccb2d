import Foundation
import Synchronization

/// The sandbox's Odds API account: the key, the credits left and the per-second request limit.
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
    private let requestsPerSecond: Int
    private let usage = Mutex(Usage())

    init(key: String, quota: Int, requestsPerSecond: Int) {
        self.key = key
        self.quota = quota
        self.requestsPerSecond = requestsPerSecond
    }

    /// Admits a request with `key` costing `cost` credits, or says why not; returns the quota headers' values.
    func charge(key presented: String?, cost: Int) -> Result<(remaining: Int, used: Int, last: Int), Refusal> {
        guard let presented, !presented.isEmpty else { return .failure(.missingKey) }
        guard presented == key else { return .failure(.invalidKey) }
        return usage.withLock { usage in
            let now = ContinuousClock.Instant.now
            usage.recent.removeAll { $0.duration(to: now) > .seconds(1) }
            guard usage.recent.count < requestsPerSecond else { return .failure(.tooFrequent) }
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
