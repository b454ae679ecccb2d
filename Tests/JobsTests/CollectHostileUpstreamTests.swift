import Foundation
import Jobs
import Logging
import Queue
import Redis
import Sandbox
import SandboxSupport
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// Upstreams that misbehave the ways real ones do: a body that trickles past the timeout, a body far too large, a
/// field gone missing, a storm of 5xx. Each ends in a `CollectorError` that says what happened, within the
/// request's timeout, with nothing curated written; on a worker the job retries, then goes dead with the reason.
@Suite struct CollectHostileUpstreamTests {
    static let oddsPath = "/v4/sports/basketball_nba/odds"

    /// Collects the NBA's odds as job `jobID` through `upstream` while the sandbox's odds endpoint serves `fault`, and
    /// expects it to fail with nothing curated: no job effect, no odds. Returns the error and how long the collection
    /// took; `check` reads the store after.
    static func collectOdds(
        serving fault: SandboxFault, through upstream: UpstreamClient, jobID: String,
        check: @escaping @Sendable (Store) async throws -> Void = { _ in }
    ) async throws -> (error: CollectorError?, took: Duration) {
        let store = try await CollectTestSupport.migratedStore()
        let failure = try await CollectTestSupport.sandbox().withRunning { sandbox async throws in
            let odds = OddsCollector(configuration: CollectorConfiguration.sandbox(sandbox), store: store, upstream: upstream)
            sandbox.faults.inject(fault, pathPrefix: Self.oddsPath)
            let started = ContinuousClock.now
            let error = await #expect(throws: CollectorError.self) {
                try await odds.collect(CollectOdds(sport: "nba"), jobID: jobID, logger: CollectTestSupport.logger)
            }
            let took = ContinuousClock.now - started
            #expect(try await !store.hasJobEffect(jobID: jobID))
            #expect(try await CollectTestSupport.count(store, "odds") == 0)
            try await check(store)
            return (error: error, took: took)
        }
        await store.shutdown()
        return failure
    }

    @Test func aTricklingBodyTimesOutWithinTheRequestTimeout() async throws {
        // One byte every 50 ms: the head comes at once, the body would take minutes.
        let (error, took) = try await Self.collectOdds(
            serving: .trickle(interval: .milliseconds(50)), through: UpstreamClient(timeout: .seconds(1)), jobID: "trickle")
        // The whole body would take minutes at this pace; the bound is loose because a loaded machine is slow too.
        #expect(took < .seconds(30))
        #expect(error?.code == .unreachable && error?.isPermanent == false)
        #expect(error?.message.contains("no complete answer") == true)
    }

    @Test func aBodyOverTheCapIsRefusedWithItsSize() async throws {
        let (error, _) = try await Self.collectOdds(
            serving: .oversized(bytes: 4 << 20), through: UpstreamClient(maximumBodyBytes: 256 << 10), jobID: "huge")
        #expect(error?.code == .invalidPayload && error?.status == 200)
        #expect(error?.message.contains("larger than 262144 bytes") == true)
    }

    @Test func aMissingFieldIsNamedAndTheRawPayloadKept() async throws {
        // The real sample with its first event's bookmakers gone.
        let sample = try CollectTestSupport.referenceBody("the-odds-api.json", "samples", "odds_american", "body")
        var events = try #require(try JSONSerialization.jsonObject(with: sample) as? [[String: Any]])
        events[0]["bookmakers"] = nil
        let body = String(decoding: try JSONSerialization.data(withJSONObject: events), as: UTF8.self)
        let (error, _) = try await Self.collectOdds(serving: .body(body), through: UpstreamClient(), jobID: "missing") { store async throws in
            #expect(try await CollectTestSupport.count(store, "raw_ingest", where: "endpoint LIKE '\(Self.oddsPath)%'") == 1)
        }
        #expect(error?.code == .invalidPayload)
        #expect(error?.message.contains("[0] is missing \"bookmakers\"") == true)
    }

    @Test func aStormOf5xxIsRetriedThenDeadWithTheReasonAndARetryRecovers() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        try await CollectTestSupport.sandbox().withRunning { sandbox async throws in
            let registry = JobRegistry()
            CollectorJobs.register(in: registry, store: store, configuration: CollectorConfiguration.sandbox(sandbox))
            let queue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: registry)
            let name = TestServers.uniqueName().lowercased()
            let games = try await queue.enqueue(try JobRequest(CollectGames(sport: "nba", dates: ["20260509"]), queue: name)).id
            var request = try JobRequest(CollectOdds(sport: "nba"), queue: name)
            request.dependsOn = [games]
            request.maxAttempts = 3
            request.backoff = .milliseconds(20)
            request.maximumBackoff = .milliseconds(50)
            let odds = try await queue.enqueue(request).id
            sandbox.faults.inject(.status(503), pathPrefix: Self.oddsPath)

            let worker = Worker(
                queue: queue, registry: registry, configuration: WorkerConfiguration(queues: [.init(name)], maintenanceInterval: .milliseconds(50)))
            let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await Self.wait(for: odds, in: queue, toBe: .dead)
                let dead = try #require(try await queue.job(odds))
                #expect(dead.attempt == 3 && dead.errors.count == 3)
                #expect(dead.errors.allSatisfy { $0.message.contains("upstreamFailed (HTTP 503)") })
                #expect(try await CollectTestSupport.count(store, "odds") == 0)

                // The upstream recovers; an operator's retry of the dead job then collects.
                sandbox.faults.clear()
                try await queue.retry(odds)
                try await Self.wait(for: odds, in: queue, toBe: .succeeded)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await CollectTestSupport.count(store, "odds", where: "sport = 'nba'") > 0)
        }
        await store.shutdown()
    }

    static func wait(for id: String, in queue: JobQueue, toBe state: JobState) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await queue.job(id)?.state != state {
            guard ContinuousClock.now < deadline else {
                Issue.record("job \(id) is \(String(describing: try await queue.job(id)?.state)), not \(state), after 30 s")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
