import Foundation
import Jobs
import Logging
import Queue
import Redis
import Sandbox
import SandboxSupport
import ServiceLifecycle
import Store
import Synchronization
import TestSupport
import Testing

/// The collectors as typed jobs on a real worker and Redis: a scheduled `{}` covers every configured sport,
/// dependencies order games before odds, and a refused key sends the job straight to the dead set.
@Suite struct CollectJobRegistrationTests {
    /// What the collectors reported changed, by cache and sport: the games named (-1 for "every game").
    final class Changes: Sendable {
        private let seen = Mutex<[String: Set<Int>]>([:])
        func add(_ cache: String, _ change: CollectionChange) {
            seen.withLock { $0[cache + " " + change.sport, default: []].formUnion(change.gameIDs ?? [-1]) }
        }
        var all: [String: Set<Int>] { seen.withLock { $0 } }
    }

    @Test func collectorJobsRunOnAWorker() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let registry = JobRegistry()
            let changes = Changes()
            CollectorJobs.register(
                in: registry, store: store, configuration: CollectorConfiguration.sandbox(sandbox),
                oddsChanged: { changes.add("odds", $0) }, gamesChanged: { changes.add("games", $0) })
            var refusing = CollectorConfiguration.sandbox(sandbox, apiKey: "revoked")
            refusing.weatherProvider = .openWeatherMap(OpenWeatherMapConfiguration(baseURL: sandbox.baseURL, apiKey: "revoked"))
            let queue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: registry)
            let name = TestServers.uniqueName().lowercased()
            let games = try JobRequest(CollectGames(sport: nil, dates: ["20260509"]), queue: name)
            var odds = try JobRequest(CollectOdds(sport: "nba"), queue: name)
            odds.dependsOn = [games.id]
            var quality = try JobRequest(QualityCheck(sport: nil), queue: name)
            quality.dependsOn = [odds.id]
            _ = try await queue.enqueue([games, odds, quality])
            #expect(throws: QueueError.self) { try registry.validate(type: "collect.odds", payload: #"{"sport":"curling"}"#) }

            let refusingRegistry = JobRegistry()
            CollectorJobs.register(in: refusingRegistry, store: store, configuration: refusing)
            let refusingQueue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: refusingRegistry)
            let deadName = name + "-refused"
            let refused = try await refusingQueue.enqueue(try JobRequest(CollectOdds(sport: "mlb"), queue: deadName)).id
            // Forecasts from the configured provider, OpenWeatherMap here, once the day's games are stored.
            var weather = try JobRequest(CollectWeather(sport: "mlb", hoursAhead: 24), queue: deadName)
            weather.dependsOn = [games.id]
            let refusedWeather = try await refusingQueue.enqueue(weather).id

            let workers = [
                Worker(
                    queue: queue, registry: registry,
                    configuration: WorkerConfiguration(queues: [.init(name)], maintenanceInterval: .milliseconds(50))),
                Worker(
                    queue: refusingQueue, registry: refusingRegistry,
                    configuration: WorkerConfiguration(queues: [.init(deadName)], maintenanceInterval: .milliseconds(50))),
            ]
            let group = ServiceGroup(services: workers, logger: Logger(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Generous: the loop ends as soon as every job is finished, and a loaded two-core CI can take a while.
                let deadline = ContinuousClock.now + .seconds(90)
                while ContinuousClock.now < deadline {
                    let states = try await [quality.id, refused, refusedWeather].asyncMap { try await queue.job($0)?.state }
                    if states.allSatisfy({ $0 == .succeeded || $0 == .dead }) { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await queue.job(games.id)?.state == .succeeded)
            #expect(try await queue.job(odds.id)?.state == .succeeded)
            #expect(try await queue.job(quality.id)?.state == .succeeded)
            let dead = try #require(try await queue.job(refused))
            #expect(dead.state == .dead && dead.attempt == 1)
            #expect(dead.errors.last?.message.contains("INVALID_KEY") == true)
            let deadWeather = try #require(try await queue.job(refusedWeather))
            #expect(deadWeather.state == .dead && deadWeather.attempt == 1)
            #expect(deadWeather.errors.last?.message.contains("openweathermap") == true)
            #expect(deadWeather.errors.last?.message.contains("Invalid API key") == true)
            // The API's odds and game caches are invalidated for the games a collection wrote, after it committed.
            let expected = [
                "games mlb": try await CollectTestSupport.ids(store, "id", of: "games", where: "sport = 'mlb'"),
                "games nba": try await CollectTestSupport.ids(store, "id", of: "games", where: "sport = 'nba'"),
                "odds nba": try await CollectTestSupport.ids(store, "game_id", of: "odds", where: "sport = 'nba'"),
            ]
            #expect(changes.all == expected)
            #expect(expected.values.allSatisfy { !$0.isEmpty })
            #expect(try await store.hasJobEffect(jobID: "\(games.id)/nba"))
            #expect(try await store.hasJobEffect(jobID: "\(games.id)/mlb"))
            #expect(try await CollectTestSupport.count(store, "games", where: "sport = 'mlb'") > 0)
            #expect(try await CollectTestSupport.count(store, "odds", where: "sport = 'nba'") > 0)
            #expect(
                try await CollectTestSupport.count(
                    store, "data_quality_checks", where: "sport = 'nba' AND check_name = 'odds_completeness' AND status = 'pass'") == 1)
        }
        await store.shutdown()
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
