import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Testing

/// Every collector's client waits out a momentary 429 through `UpstreamClient`, not only The Odds API's.
@Suite struct CollectRateLimitTests {
    @Test func aMomentaryLimitOnESPNIsWaitedOutNotFailed() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            sandbox.faults.inject(.status(429), pathPrefix: "/apis/site/v2/sports/baseball/mlb/scoreboard")
            let hasty = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient(rateLimitWait: .none))
            let refused = await #expect(throws: CollectorError.self) {
                _ = try await hasty.scoreboard(path: "baseball/mlb", date: "20260509", now: Date())
            }
            #expect(refused?.code == .rateLimited && refused?.status == 429 && refused?.isPermanent == false)

            // Six waits of 0.25 … 5 s (±20 %): the limit lifts after a second, within them.
            let patient = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient(rateLimitWait: RateLimitWait(retries: 6)))
            let started = ContinuousClock.now
            async let answered = patient.scoreboard(path: "baseball/mlb", date: "20260509", now: Date())
            try await Task.sleep(for: .seconds(1))
            sandbox.faults.clear()
            #expect(try await answered.status == 200)
            #expect(started.duration(to: .now) >= .seconds(1), "it waited the limit out")
        }
    }

    @Test func aNamedShortWaitIsTakenAndALongOneFailsAtOnce() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox).espn
            // An hour's limit (a daily quota) is not held in a worker slot: the queue's retry backoff takes it. The
            // cap here is a minute, so a client that waited at all would take a minute: the bound below leaves a
            // loaded machine's slow answer room without letting a wait through.
            let patient = ESPNClient(configuration: configuration, upstream: UpstreamClient(rateLimitWait: RateLimitWait(retries: 4, cap: .seconds(120))))
            sandbox.faults.inject(.throttled(retryAfter: "3600"), pathPrefix: "/apis/site/v2/sports/basketball/nba/injuries")
            let started = ContinuousClock.now
            let limited = await #expect(throws: CollectorError.self) { _ = try await patient.injuries(path: "basketball/nba", now: Date()) }
            #expect(limited?.code == .rateLimited && limited?.isPermanent == false)
            #expect(started.duration(to: .now) < .seconds(60), "no wait was taken")

            // `Retry-After: 1` is obeyed: the first request is refused, the second comes a second later and is answered.
            let espn = ESPNClient(configuration: configuration, upstream: UpstreamClient())
            sandbox.faults.clear()
            sandbox.faults.inject(.throttled(retryAfter: "1"), pathPrefix: "/apis/site/v2/sports/basketball/nba/injuries", times: 1)
            let again = ContinuousClock.now
            let answer = try await espn.injuries(path: "basketball/nba", now: Date())
            #expect(answer.status == 200)
            #expect(again.duration(to: .now) >= .seconds(1), "the named wait was taken")
        }
    }
}
