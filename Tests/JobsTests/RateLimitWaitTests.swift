import Foundation
import Jobs
import Testing

/// The wait after a 429, without I/O.
@Suite struct RateLimitWaitTests {
    let now = Date(timeIntervalSince1970: 1_778_342_400)  // Sat, 09 May 2026 16:00:00 GMT

    @Test func withoutRetryAfterTheWaitDoublesFromTheBaseUpToTheCap() {
        let wait = RateLimitWait(retries: 6, base: .milliseconds(250), cap: .seconds(5))
        let waits = (0..<6).map { wait.delay(retry: $0, retryAfter: nil, now: now, jitter: 1) }
        #expect(waits == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5)])
        #expect(wait.delay(retry: 6, retryAfter: nil, now: now) == nil, "the retries are spent")
        #expect(RateLimitWait.none.delay(retry: 0, retryAfter: "1", now: now) == nil)
    }

    @Test func jitterSpreadsJobsRefusedTogether() {
        let wait = RateLimitWait()
        #expect(wait.delay(retry: 2, retryAfter: nil, now: now, jitter: 0.8) == .milliseconds(800))
        #expect(wait.delay(retry: 2, retryAfter: nil, now: now, jitter: 1.2) == .milliseconds(1_200))
        for _ in 0..<100 {
            let delay = wait.delay(retry: 0, retryAfter: nil, now: now)
            #expect(delay.map { $0 >= .milliseconds(200) && $0 <= .milliseconds(300) } == true)
        }
    }

    @Test func retryAfterInSecondsOrAsAnHTTPDateIsObeyedWhenShort() {
        let wait = RateLimitWait()
        #expect(wait.delay(retry: 0, retryAfter: "2", now: now) == .seconds(2))
        #expect(wait.delay(retry: 0, retryAfter: " 0.5 ", now: now) == .milliseconds(500))
        #expect(wait.delay(retry: 0, retryAfter: "0", now: now) == .zero)
        #expect(wait.delay(retry: 0, retryAfter: "Sat, 09 May 2026 16:00:03 GMT", now: now) == .seconds(3))
        #expect(wait.delay(retry: 0, retryAfter: "Sat, 09 May 2026 15:59:00 GMT", now: now) == .zero, "a date in the past: at once")
        // Text that is neither: the upstream named no usable wait, so the doubling applies.
        #expect(wait.delay(retry: 1, retryAfter: "soon", now: now, jitter: 1) == .milliseconds(500))
    }

    @Test func aLimitLongerThanTheCapIsLeftToTheQueuesRetry() {
        let wait = RateLimitWait()
        #expect(wait.delay(retry: 0, retryAfter: "3600", now: now) == nil)
        #expect(wait.delay(retry: 0, retryAfter: "Sun, 10 May 2026 00:00:00 GMT", now: now) == nil)
        #expect(wait.delay(retry: 0, retryAfter: "5", now: now) == .seconds(5), "the cap itself is waited")
    }
}
