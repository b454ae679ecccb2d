import Foundation
import Jobs
import Logging
import Queue
import Redis
import Sandbox
import SandboxSupport
import ServiceLifecycle
import Store

/// One worker running every pipeline job of one sport (collect, featurize, train, calibrate, predict, settle) on a
/// test's own queue against the sandbox, as the whole-pipeline tests drive it stage by stage.
struct PipelineWorker: Sendable {
    let queue: JobQueue
    let queueName: String
    /// The sandbox's clock, which the jobs run on.
    let clock: SandboxClock

    /// Enqueues `requests` on the test's queue and waits until every one has succeeded.
    @discardableResult
    func run(_ requests: [JobRequest], timeout: Duration = .seconds(600)) async throws -> [JobRecord] {
        try await queue.runToSuccess(requests, on: queueName, timeout: timeout)
    }

    /// Bootstraps `sport` from an empty database with `days` of history, as the whole-pipeline tests do: a small search
    /// (four models, the last `validationWindowDays` held out) and thresholds every model passes.
    func bootstrap(sport: String, days: Int, validationWindowDays: Int, replayed: Bool = false) async throws {
        var settings = PipelineFlow.quickSettings(days: days)
        settings.maxModels = 4
        settings.validationWindowDays = validationWindowDays
        try await run(
            try PipelineFlow.bootstrap(
                sports: [sport], days: days, now: clock.now, settings: settings, thresholds: .everyModelPasses, replayed: replayed))
    }

    /// What `predict` reads for the next 12 hours: `sport`'s games and current odds collected, then the features taken
    /// five minutes later (strictly after the odds they read). Returns the games starting in those 12 hours.
    func collectAndFeaturize(sport: String, store: Store) async throws -> [Game] {
        try await run([try JobRequest(CollectGames(sport: sport))])
        try await run([try JobRequest(CollectOdds(sport: sport))])
        clock.advance(by: 300)
        try await run([try JobRequest(Featurize(sport: sport))])
        return try await store.games.games(sport: sport, from: clock.now, to: clock.now.addingTimeInterval(12 * 3_600))
    }

    /// Runs `body` while a worker serves `queueName` with the jobs of `sport`, on the sandbox's clock, promoting as
    /// `promotion` says; the worker shuts down gracefully when `body` returns.
    static func withRunning(
        sport: String, promotion: PromotionConfiguration, sandbox: RunningSandbox, store: Store, redis: RedisClient, queueName: String,
        label: String, _ body: (PipelineWorker) async throws -> Void
    ) async throws {
        let clock = sandbox.clock
        let now: @Sendable () -> Date = { clock.now }
        let registry = JobRegistry()
        CollectorJobs.register(in: registry, store: store, configuration: CollectorConfiguration.sandbox(sandbox, sports: [sport]))
        FeatureJobs.register(in: registry, store: store, sports: [sport], now: now)
        ModelJobs.register(
            in: registry, store: store, sports: [sport], featureSetVersion: FeatureCatalog.version, promotion: promotion, now: now)
        SettleJobs.register(in: registry, store: store, now: now)
        let queue = JobQueue(redis: redis, registry: registry)
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(queues: [.init(queueName)], concurrency: 4, pollInterval: .milliseconds(100)),
            logger: Logger(label: label))
        let group = ServiceGroup(services: [worker], logger: Logger(label: label))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            try await body(PipelineWorker(queue: queue, queueName: queueName, clock: clock))
            await group.triggerGracefulShutdown()
        }
    }
}
