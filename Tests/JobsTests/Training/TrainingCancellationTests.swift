import Foundation
import Jobs
import Logging
import ML
import Queue
import Redis
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// A `train.automl` with an hour's budget stops within seconds of a cancel or its timeout, through the real queue,
/// worker and PostgreSQL: its state is recorded, its lease is released, and the same worker trains the next job.
@Suite(.serialized, .timeLimit(.minutes(5))) struct TrainingCancellationTests {
    static let version = "cancel-test"
    /// 2026-06-01T00:00:00Z: the end of the training window.
    static let end = Date(timeIntervalSince1970: 1_780_272_000)

    /// 120 days of four final games a day, each with eight features, two of which carry the home win.
    static func seed(_ store: Store) async throws {
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "cancel-home", name: "Cancel Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "cancel-away", name: "Cancel Away"))
        var random = SplitMix64(seed: 19)
        func signed() -> Double { Double(random.next() >> 11) / Double(1 << 52) - 1 }
        for index in 0..<480 {
            let start = end.addingTimeInterval(-Double(480 - index) * 21_600)
            let game = try await store.games.upsert(
                Game(sport: "nba", externalID: "cancel-\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: start))
            var features: [String: Double] = [:]
            for feature in 0..<8 { features["f\(feature)"] = signed() }
            let signal: Double = 8 * features["f0"]! - 5 * features["f1"]!
            let margin = signal + 10 * signed()
            try await store.gameFeatures.upsert(
                GameFeatureSet(
                    gameID: game, featureSetVersion: version, asOf: start.addingTimeInterval(-3_600), features: features, completeness: 1))
            _ = try await store.games.updateResult(id: game, status: .final, homeScore: 100 + Int(margin.rounded()), awayScore: 100)
        }
    }

    /// Training settings for the seeded window: `maxModels` models within `seconds`.
    static func training(maxModels: Int, seconds: Double) throws -> TrainAutoML {
        var settings = TrainingSettings()
        settings.trainingWindowDays = 120
        settings.validationWindowDays = 20
        settings.folds = 3
        settings.maxModels = maxModels
        settings.maxRuntimeSeconds = seconds
        return TrainAutoML(
            sport: "nba", betType: .moneyline, asOf: end.formatted(.iso8601), featureSetVersion: version, settings: settings)
    }

    /// A worker running one job at a time on a queue of its own, with the default lease and heartbeat (what `aips
    /// worker` runs with); `body` gets the queue.
    static func withWorker(_ function: String = #function, _ body: (JobQueue, String) async throws -> Void) async throws {
        let store = try await TestServers.migratedStore(function, logger: Logger(label: "cancel-test"))
        try await seed(store)
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        let name = TestServers.uniqueName(function).lowercased()
        let registry = JobRegistry()
        ModelJobs.register(in: registry, store: store, sports: ["nba"], featureSetVersion: version, promotion: .automatic)
        let queue = JobQueue(redis: redis, registry: registry)
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(
                queues: [.init(name)], concurrency: 1,
                maintenanceInterval: .milliseconds(200), pollInterval: .milliseconds(100)),
            logger: Logger(label: "cancel-test"))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "cancel-test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            try await body(queue, name)
        }
    }

    /// Enqueues `parameters` on `name`, with `timeout` and a single attempt.
    static func enqueue(_ parameters: TrainAutoML, on name: String, in queue: JobQueue, timeout: Duration = .seconds(1800)) async throws -> String {
        var request = try JobRequest(parameters, queue: name)
        request.maxAttempts = 1
        request.timeout = timeout
        return try await queue.enqueue(request).id
    }

    static func state(_ queue: JobQueue, _ id: String) async throws -> JobState? {
        try await queue.job(id)?.state
    }

    /// After the stopped job, the worker's one slot and the training queue are free: a small search succeeds.
    static func expectTheWorkerTrainsAgain(_ queue: JobQueue, _ name: String) async throws {
        #expect(try await queue.stats(queue: name).counts[.running, default: 0] == 0)
        let next = try await enqueue(try training(maxModels: 2, seconds: 60), on: name, in: queue)
        #expect(try await eventually(timeout: .seconds(120)) { try await state(queue, next) == .succeeded })
    }

    @Test func cancellingARunningAutoMLSearchStopsItWithinFiveSeconds() async throws {
        try await Self.withWorker { queue, name in
            let id = try await Self.enqueue(try Self.training(maxModels: 500, seconds: 3_600), on: name, in: queue)
            #expect(try await eventually(timeout: .seconds(30)) { try await Self.state(queue, id) == .running })
            // Past loading the rows: the search is fitting models.
            try await Task.sleep(for: .seconds(2))
            #expect(try await queue.cancel(id) == .requested)
            let cancelled = ContinuousClock.now
            #expect(try await eventually(timeout: .seconds(5)) { try await Self.state(queue, id) == .cancelled })
            let elapsed = ContinuousClock.now - cancelled
            #expect(elapsed < .seconds(5), "cancelled after \(elapsed)")
            #expect(try await queue.job(id)?.errors.last?.kind == "cancelled")
            try await Self.expectTheWorkerTrainsAgain(queue, name)
        }
    }

    @Test func aTimedOutAutoMLSearchStopsWithinFiveSecondsOfItsTimeout() async throws {
        try await Self.withWorker { queue, name in
            let id = try await Self.enqueue(try Self.training(maxModels: 500, seconds: 3_600), on: name, in: queue, timeout: .seconds(3))
            #expect(try await eventually(timeout: .seconds(30)) { try await Self.state(queue, id) == .running })
            let started = ContinuousClock.now
            #expect(try await eventually(timeout: .seconds(10)) { try await Self.state(queue, id) == .dead })
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(8), "dead after \(elapsed), with a 3 s timeout")
            #expect(try await queue.job(id)?.errors.last?.kind == "timeout")
            try await Self.expectTheWorkerTrainsAgain(queue, name)
        }
    }
}
