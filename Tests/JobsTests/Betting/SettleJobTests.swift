import Foundation
import Jobs
import Logging
import Postgres
import Queue
import Redis
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// `settle` against a real PostgreSQL: grading, CLV, voids, redelivery, the daily report, and the job on a worker.
@Suite struct SettleJobTests {
    /// 2026-03-01T20:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_772_395_200)
    static let logger = Logger(label: "settle-test")

    /// A game of `sport` between two new teams at `start`; returns its id.
    static func game(_ store: Store, _ sport: String, _ name: String, at start: Date = start) async throws -> Int {
        let home = try await store.teams.upsert(Team(sport: sport, externalID: "\(name)-home", name: "\(name) Home"))
        let away = try await store.teams.upsert(Team(sport: sport, externalID: "\(name)-away", name: "\(name) Away"))
        return try await store.games.upsert(Game(sport: sport, externalID: name, homeTeamID: home, awayTeamID: away, scheduledAt: start))
    }

    static func model(_ store: Store) async throws -> Int {
        try await store.models.register(
            RegisteredModel(
                name: "settle_test", version: 1, sport: "nba", betType: .spread, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start.addingTimeInterval(-86_400), artifact: Data([1]))
        )
    }

    /// Stores a pending prediction (a pick unless `pick` is false) with a genuine hash; returns its id.
    static func predict(
        _ store: Store, game: Int, model: Int, sport: String = "nba", _ betType: BetType, _ selection: String, line: Double?,
        price: Double?, probability: Double, tier: SignalTier, stake: Double, pick: Bool = true
    ) async throws -> Int {
        var prediction = Prediction(
            gameID: game, modelID: model, sport: sport, betType: betType, selection: selection, line: line, probability: probability,
            price: price, edge: probability - 1 / (price ?? 2), tier: tier, stake: stake, pick: pick, predictionHash: "")
        prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
        return try #require(try await store.predictions.insert(prediction))
    }

    @Test func settlesGradesVoidsAndReportsOnce() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let played = try await Self.game(store, "nba", "played")
        let cancelled = try await Self.game(store, "nba", "cancelled", at: Self.start.addingTimeInterval(3_600))
        let later = try await Self.game(store, "nba", "later", at: Self.start.addingTimeInterval(86_400))

        let spreadWin = try await Self.predict(
            store, game: played, model: model, .spread, "home", line: -3.5, price: 2.10, probability: 0.58, tier: .a, stake: 0.02)
        let totalLoss = try await Self.predict(
            store, game: played, model: model, .total, "over", line: 215.5, price: 1.91, probability: 0.54, tier: .c, stake: 0.01)
        let moneylineLoss = try await Self.predict(
            store, game: played, model: model, .moneyline, "away", line: nil, price: 2.5, probability: 0.45, tier: .b, stake: 0.01)
        let spreadPush = try await Self.predict(
            store, game: played, model: model, .spread, "away", line: -10, price: 1.90, probability: 0.55, tier: .b, stake: 0.01)
        let prop = try await Self.predict(
            store, game: played, model: model, .playerProp, "over", line: 25.5, price: 1.9, probability: 0.6, tier: .a, stake: 0.01)
        let voided = try await Self.predict(
            store, game: cancelled, model: model, .moneyline, "home", line: nil, price: 1.8, probability: 0.6, tier: .b, stake: 0.01)
        let waiting = try await Self.predict(
            store, game: later, model: model, .moneyline, "home", line: nil, price: 1.8, probability: 0.6, tier: .b, stake: 0.01)

        let captured = Self.start.addingTimeInterval(-60)
        try await store.closingLines.upsert([
            // Spreads at the prediction's line: median of 1.90, 1.95, 2.00 is 1.95; the away side is stored at +3.5.
            ClosingLine(gameID: played, bookmaker: "a", market: "spreads", outcome: "home", price: 1.90, point: -3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "b", market: "spreads", outcome: "home", price: 1.95, point: -3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "c", market: "spreads", outcome: "home", price: 2.00, point: -3.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "d", market: "spreads", outcome: "home", price: 1.50, point: -4.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "a", market: "spreads", outcome: "away", price: 1.80, point: 10, capturedAt: captured),
            // The total moved to 216.5 everywhere: no closing price at 215.5.
            ClosingLine(gameID: played, bookmaker: "a", market: "totals", outcome: "over", price: 1.91, point: 216.5, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "a", market: "h2h", outcome: "away", price: 2.6, capturedAt: captured),
            ClosingLine(gameID: played, bookmaker: "b", market: "h2h", outcome: "away", price: 2.7, capturedAt: captured),
        ])
        let settledAt = Self.start.addingTimeInterval(5 * 3_600)
        let settler = PredictionSettler(store: store, now: { settledAt })

        // Nothing is final yet: nothing happens.
        #expect(try await settler.settle(SettlePredictions(), jobID: "job-0", logger: Self.logger).isEmpty)
        #expect(try await store.predictions.find(id: spreadWin)?.status == .pending)

        _ = try await store.games.updateResult(id: played, status: .final, homeScore: 110, awayScore: 100)
        _ = try await store.games.updateResult(id: cancelled, status: .cancelled, homeScore: nil, awayScore: nil)
        let runs = try await settler.settle(SettlePredictions(sport: "nba"), jobID: "job-1", logger: Self.logger)
        let run = try #require(runs["nba"])
        #expect(run.applied)
        #expect(run.gamesGraded == 1 && run.gamesVoided == 1)
        #expect(run.wins == 1 && run.losses == 2 && run.pushes == 1 && run.voids == 1)
        #expect(run.withoutClosingPrice == 1)
        #expect(run.reportDays == ["2026-03-01"])

        let win = try #require(try await store.predictions.find(id: spreadWin))
        #expect(win.status == .settled && win.result == .win)
        #expect(win.closingPrice == 1.95)
        #expect(abs((win.clv ?? 0) - (2.10 / 1.95 - 1)) < 1e-12)
        #expect((win.clv ?? 0) > 0)
        #expect(abs((win.profit ?? 0) - 0.022) < 1e-12)
        #expect(win.settledAt == settledAt)

        let total = try #require(try await store.predictions.find(id: totalLoss))
        #expect(total.result == .loss && total.profit == -0.01 && total.closingPrice == nil && total.clv == nil)
        let moneyline = try #require(try await store.predictions.find(id: moneylineLoss))
        #expect(moneyline.result == .loss && abs((moneyline.closingPrice ?? 0) - 2.65) < 1e-12)
        #expect((moneyline.clv ?? 0) < 0)
        let push = try #require(try await store.predictions.find(id: spreadPush))
        #expect(push.result == .push && push.profit == 0 && push.closingPrice == 1.80)
        #expect(try await store.predictions.find(id: prop)?.status == .pending)
        #expect(try await store.predictions.find(id: voided)?.status == .void)
        #expect(try await store.predictions.find(id: waiting)?.status == .pending)

        // A redelivery of the same job writes nothing, even with a new game to settle; a later run
        // settles that game only, and a run after it finds nothing to do.
        _ = try await store.games.updateResult(id: later, status: .final, homeScore: 99, awayScore: 98)
        var before = try await Self.snapshot(store)
        let redelivered = try await settler.settle(SettlePredictions(sport: "nba"), jobID: "job-1", logger: Self.logger)
        #expect(redelivered["nba"]?.applied == false)
        #expect(try await Self.snapshot(store) == before)
        #expect(try await store.predictions.find(id: waiting)?.status == .pending)
        let next = try await settler.settle(SettlePredictions(), jobID: "job-2", logger: Self.logger)
        #expect(next["nba"]?.wins == 1 && next["nba"]?.gamesGraded == 1 && next["nba"]?.reportDays == ["2026-03-02"])
        #expect(try await store.predictions.find(id: waiting)?.result == .win)
        before = try await Self.snapshot(store)
        let idle = try await settler.settle(SettlePredictions(), jobID: "job-3", logger: Self.logger)
        #expect(idle.isEmpty, "only the player prop is pending on a final game, and it is not gradeable: \(idle)")
        #expect(try await Self.snapshot(store) == before)

        let report = try #require(try await store.dailyReports.find(day: "2026-03-01", sport: "nba"))
        #expect(report.summary.wins == 1 && report.summary.losses == 2 && report.summary.pushes == 1 && report.summary.voids == 1)
        #expect(report.summary.settled == 4)
        #expect(abs((report.summary.accuracy ?? 0) - 1.0 / 3) < 1e-12)
        #expect(abs((report.summary.profit) - (0.022 - 0.01 - 0.01)) < 1e-12)
        #expect(abs((report.summary.roi ?? 0) - (0.002 / 0.04)) < 1e-9)
        #expect(report.summary.clvCount == 3)
        #expect(report.byTier.map(\.tier) == [.a, .b, .c, .d])
        #expect(report.byTier[0].wins == 1 && report.byTier[0].accuracy == 1)
        #expect(report.byBetType.map(\.betType) == [.spread, .moneyline, .total])
        #expect(report.byBetType[0].wins == 1 && report.byBetType[0].pushes == 1)
        #expect(report.results.map(\.predictionID).sorted() == [spreadWin, totalLoss, moneylineLoss, spreadPush].sorted())
        #expect(report.topPredictions.map(\.predictionID) == [spreadWin])
        #expect(report.topPredictions.first?.homeTeam == "played Home")
        #expect(report.notableMisses.map(\.predictionID) == [totalLoss, moneylineLoss])
        #expect(report.trailing30Days.settled == 4, "the next day's game is not in the 30 days up to 2026-03-01")
        #expect(try await store.dailyReports.find(day: "2026-03-02", sport: "nba")?.summary.wins == 1)
        #expect(try await store.dailyReports.find(day: "2026-03-01", sport: "nfl") == nil)

        let performance = try await store.predictions.performance(from: Self.start.addingTimeInterval(-86_400), to: settledAt)
        #expect(performance.first?.sport == nil && performance.first?.settled == 4 && performance.first?.voids == 1)
        #expect(performance.contains { $0.sport == "nba" && $0.betType == .spread && $0.tier == .a && $0.wins == 1 })
        await store.shutdown()
    }

    /// Every prediction's settled fields and the report rows, to compare before and after a rerun.
    static func snapshot(_ store: Store) async throws -> [String] {
        let predictions = try await store.query(
            "SELECT id, status, result, closing_price, clv, profit, settled_at FROM predictions ORDER BY id"
        ).map { row in "\(row.values)" }
        let reports = try await store.query("SELECT day, sport, report::text, updated_at FROM daily_reports ORDER BY day, sport")
            .map { row in "\(row.values)" }
        return predictions + reports
    }

    @Test func settleRunsOnAWorkerForOneGame() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let first = try await Self.game(store, "nfl", "first")
        let second = try await Self.game(store, "nfl", "second")
        let one = try await Self.predict(
            store, game: first, model: model, sport: "nfl", .moneyline, "home", line: nil, price: 1.8, probability: 0.6, tier: .b,
            stake: 0.01)
        let other = try await Self.predict(
            store, game: second, model: model, sport: "nfl", .moneyline, "home", line: nil, price: 1.8, probability: 0.6, tier: .b,
            stake: 0.01)
        _ = try await store.games.updateResult(id: first, status: .final, homeScore: 24, awayScore: 17)
        _ = try await store.games.updateResult(id: second, status: .final, homeScore: 10, awayScore: 17)

        let registry = JobRegistry()
        SettleJobs.register(in: registry, store: store, now: { Self.start.addingTimeInterval(86_400) })
        #expect(throws: QueueError.self) { try registry.validate(type: "settle", payload: #"{"game_id":0}"#) }
        #expect(throws: QueueError.self) { try registry.validate(type: "settle", payload: #"{"sport":"NBA; DROP"}"#) }
        try registry.validate(type: "settle", payload: "{}")
        let declared = JobRegistry()
        SettleJobs.declare(in: declared)
        #expect(declared.types == ["settle"])

        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        defer { redis.close() }
        let queue = JobQueue(redis: redis, configuration: QueueConfiguration(), registry: registry)
        let name = TestServers.uniqueName().lowercased()
        let job = try await queue.enqueue(JobRequest(type: "settle", queue: name, payload: "{\"game_id\":\(first)}")).id
        let worker = Worker(
            queue: queue, registry: registry,
            configuration: WorkerConfiguration(queues: [.init(name)], maintenanceInterval: .milliseconds(50)))
        let group = ServiceGroup(services: [worker], logger: Self.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline, try await queue.job(job)?.state != .succeeded {
                try await Task.sleep(for: .milliseconds(50))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(try await queue.job(job)?.state == .succeeded)
        #expect(try await store.hasJobEffect(jobID: "\(job)/nfl"))
        #expect(try await store.predictions.find(id: one)?.result == .win)
        #expect(try await store.predictions.find(id: other)?.status == .pending)
        await store.shutdown()
    }
}
