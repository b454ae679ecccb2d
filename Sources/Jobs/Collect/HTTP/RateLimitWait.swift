import Foundation

/// How long a collector waits before asking again after an upstream refused a request as too frequent (429).
///
/// A frequency limit usually lifts within a second or two: a backfill that starts many jobs at once meets it, and a
/// refusal that failed the job would spend one of its attempts (whole days of history were lost that way in a
/// first run). So a short wait is taken in place. A limit the upstream says lasts longer than `cap` (a daily quota,
/// `Retry-After: 3600`) is not waited out here: the job fails as rate limited and the queue's retry backoff
/// takes over, so a worker slot is not held for an hour.
public struct RateLimitWait: Sendable, Equatable {
    /// How many times one request is sent again.
    public var retries: Int
    /// The first wait when the upstream names none; each retry doubles it.
    public var base: Duration
    /// The longest wait taken in place.
    public var cap: Duration

    /// A policy of `retries` waits from `base`, doubling, none longer than `cap`.
    public init(retries: Int = 4, base: Duration = .milliseconds(250), cap: Duration = .seconds(5)) {
        self.retries = retries
        self.base = base
        self.cap = cap
    }

    /// No waiting: a 429 is answered at once.
    public static let none = RateLimitWait(retries: 0)

    /// The wait before retry number `retry` (0-based), or nil when the request should not be sent again: the
    /// retries are spent, or `retryAfter` (the header's text: delay-seconds or an HTTP-date) asks for longer than
    /// `cap`. Without the header the wait is `base` doubled per retry, jittered by ±20 % so that jobs refused
    /// together do not come back together, and capped.
    public func delay(retry: Int, retryAfter: String?, now: Date, jitter: Double = .random(in: 0.8...1.2)) -> Duration? {
        guard retry < retries else { return nil }
        if let text = retryAfter?.trimmingCharacters(in: .whitespaces), let asked = Self.seconds(retryAfter: text, now: now) {
            let wait = Duration.milliseconds(Int64((max(asked, 0) * 1_000).rounded(.up)))
            return wait <= cap ? wait : nil
        }
        let doubled = base * (1 << min(retry, 30))
        return min(doubled * jitter, cap)
    }

    /// `Retry-After` in seconds from `now`: RFC 9110 allows delay-seconds or an HTTP-date (IMF-fixdate).
    static func seconds(retryAfter text: String, now: Date) -> Double? {
        if let seconds = Double(text), seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text).map { $0.timeIntervalSince(now) }
    }
}
