import Foundation
import Synchronization

/// The sandbox's OpenWeatherMap account: the `appid` it accepts and the calls-per-minute limit.
final class OpenWeatherMapAccount: Sendable {
    /// Why a call was refused.
    enum Refusal: Error {
        /// 401: no key, or not this one.
        case invalidKey
        /// 429: too many calls in the window.
        case tooFrequent
    }

    private let key: String
    private let callsPerWindow: Int
    private let window: Duration
    private let recent = Mutex<[ContinuousClock.Instant]>([])

    init(key: String, callsPerWindow: Int, window: Duration) {
        self.key = key
        self.callsPerWindow = callsPerWindow
        self.window = window
    }

    /// Admits a call with `key`, or says why not.
    func admit(key presented: String?) -> Result<Void, Refusal> {
        guard presented == key else { return .failure(.invalidKey) }
        return recent.withLock { recent in
            let now = ContinuousClock.Instant.now
            recent.removeAll { $0.duration(to: now) > window }
            guard recent.count < callsPerWindow else { return .failure(.tooFrequent) }
            recent.append(now)
            return .success(())
        }
    }
}
