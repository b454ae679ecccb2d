import Foundation
import Jobs
import Logging
import Queue
import Redis
import Sandbox
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// `featurize` as a typed job on a real worker: a history run features every game of the range as of an hour
/// before its start, a run without a range features the next 48 hours as of now, and a rerun changes nothing.
@Suite struct FeaturizeJobTests {
    @Test func featurizeRunsOnAWorkerOverASimulatedPeriod() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["nba"], from: "2026-04-01", to: "2026-04-12")
        }
        // "Now" for the upcoming run: noon Eastern on April 10, with games stored through April 12.
        let now = FeatureFixture.day("2026-04-10").addingTimeInterval(16 * 3600)
        let registry = JobRegistry()
        FeatureJobs.register(in: registry, store: store, sports: ["nba", "mlb", "nfl"], now: { now })
        let queue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: registry)
        let name = TestServers.uniqueName().lowercased()
        let history = try JobRequest(
            Featurize(sport: "nba", from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10")), queue: name)
        let upcoming = try JobRequest(Featurize(sport: nil), queue: name)
        _ = try await queue.enqueue([history, upcoming])

        let worker = Worker(
            queue: queue, registry: registry, configuration: WorkerConfiguration(queues: [.init(name)], maintenanceInterval: .milliseconds(50)))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Waits for the outcome, not for a duration: the deadline only stops a hung test.
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline {
                let states = [try await queue.job(history.id)?.state, try await queue.job(upcoming.id)?.state]
                if states.allSatisfy({ $0 == .succeeded || $0 == .dead }) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }

        let historyJob = try #require(try await queue.job(history.id))
        #expect(historyJob.state == .succeeded, "\(historyJob.errors)")
        let historyResult = try JSONDecoder().decode([String: FeaturizeResult].self, from: Data((historyJob.result ?? "").utf8))
        let ranged = try await store.games.games(sport: "nba", from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10"))
        #expect(ranged.count > 20)
        #expect(historyResult["nba"]?.gamesFeaturized == ranged.count)
        #expect((historyResult["nba"]?.meanCompleteness ?? 0) > 0.9)
        let training = try await store.gameFeatures.trainingSets(
            sport: "nba", featureSetVersion: FeatureCatalog.version, from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10"))
        #expect(training.map(\.gameID) == ranged.map(\.id!))
        #expect(zip(training, ranged).allSatisfy { $0.asOf == $1.scheduledAt.addingTimeInterval(-3600) })
        let names = Set(FeatureCatalog.names(sport: "nba"))
        #expect(training.allSatisfy { Set($0.features.keys).isSubset(of: names) })
        #expect(training.allSatisfy { $0.features["line_spread_current"] != nil && $0.features["line_homewinprob_open"] != nil })
        // Two snapshots a day: some lines moved between a game's first and latest quote.
        #expect(training.contains { $0.features["line_spread_move"] != 0 || $0.features["line_total_move"] != 0 })

        let upcomingJob = try #require(try await queue.job(upcoming.id))
        #expect(upcomingJob.state == .succeeded, "\(upcomingJob.errors)")
        let upcomingResult = try JSONDecoder().decode([String: FeaturizeResult].self, from: Data((upcomingJob.result ?? "").utf8))
        let next48 = try await store.games.games(sport: "nba", from: now, to: now.addingTimeInterval(48 * 3600))
        #expect(next48.count > 0)
        // MLB and the NFL have features but no games collected here: each featurizes none.
        #expect(
            upcomingResult == [
                "nba": upcomingResult["nba"]!, "mlb": FeaturizeResult(gamesFeaturized: 0, meanCompleteness: 0),
                "nfl": FeaturizeResult(gamesFeaturized: 0, meanCompleteness: 0),
            ])
        #expect(upcomingResult["nba"]?.gamesFeaturized == next48.count)
        for game in next48 {
            let set = try await store.gameFeatures.featureSet(gameID: game.id!, featureSetVersion: FeatureCatalog.version, asOf: now)
            #expect(set?.asOf == now)
        }

        // A redelivered history run rewrites the same rows with the same values.
        let rows = try await CollectTestSupport.count(store, "game_features")
        _ = try await Featurizer(store: store, now: { now }).run(
            sport: "nba", try JSONDecoder().decode(Featurize.self, from: Data(history.payload.utf8)), logger: CollectTestSupport.logger)
        #expect(try await CollectTestSupport.count(store, "game_features") == rows)
        let again = try await store.gameFeatures.trainingSets(
            sport: "nba", featureSetVersion: FeatureCatalog.version, from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10"))
        #expect(again == training)

        // At the open: each game as of an hour after its first price, the row the open publication's models learn from.
        let opened = try await store.odds.firstRecordedAt(gameIDs: ranged.map(\.id!))
        let atOpen = try await Featurizer(store: store, now: { now }).run(
            sport: "nba", Featurize(sport: "nba", from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10"), atOpen: true),
            logger: CollectTestSupport.logger)
        #expect(atOpen.gamesFeaturized == ranged.count && opened.count == ranged.count)
        let published = try await store.gameFeatures.trainingSets(
            sport: "nba", featureSetVersion: FeatureCatalog.version, from: FeatureFixture.day("2026-04-05"), to: FeatureFixture.day("2026-04-10"),
            publication: .open)
        #expect(published.count == ranged.count)
        for (game, set) in zip(ranged, published) {
            // The first set with the line: the one at the open, unless the market opened less than two hours before the
            // start and the set an hour before it came first.
            let open = min(opened[game.id!]!.addingTimeInterval(Featurize.openingSpan), game.scheduledAt.addingTimeInterval(-60))
            #expect(set.gameID == game.id && set.asOf == min(open, game.scheduledAt.addingTimeInterval(-3600)), "game \(game.id!)")
            #expect(set.features["line_homewinprob_current"] != nil)
        }
        #expect(zip(ranged, published).filter { $1.asOf < $0.scheduledAt.addingTimeInterval(-3600) }.count > ranged.count / 2)
        // Game day's rows are still the sets an hour before each start.
        #expect(
            try await store.gameFeatures.trainingSets(
                sport: "nba", featureSetVersion: FeatureCatalog.version, from: FeatureFixture.day("2026-04-05"),
                to: FeatureFixture.day("2026-04-10")) == training)
        await store.shutdown()
    }
}
