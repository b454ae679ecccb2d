import Foundation
@testable import Jobs
import Logging
import Postgres
import Queue
import Store
import TestSupport
import Testing

/// `predict.props` and the grading of its props in `settle`, against a real PostgreSQL.
@Suite struct PropJobTests {
    /// 2026-06-15 12:00 UTC: the job's clock.
    static let now = Date(timeIntervalSince1970: 1_781_524_800)
    static let logger = Logger(label: "props-test")
    static let pastDays = 45

    /// Batters 1…9 of team index `team` (0, 1, 2).
    static func batters(_ team: Int) -> [Int] { (1...9).map { 1_000 * (team + 1) + $0 } }

    /// Whether plate appearance `pa` of `batter` in the game of `day` is a hit: a fixed pattern in which
    /// batters differ in skill (a hit every 3rd, 4th or 5th turn).
    static func isHit(batter: Int, day: Int, pa: Int) -> Bool {
        (batter * 7 + day * 3 + pa) % (3 + batter % 3) == 0
    }

    /// Three teams with `pastDays` final games, one a day at 23:00 UTC in the three pairings in turn, each with its
    /// Statcast; and tonight's game of teams 0 and 1, 11 hours after `now`. Returns tonight's game id and start.
    static func seedSeason(_ store: Store) async throws -> (gameID: Int, tonight: Date) {
        let season = try await PropSeason.seed(store, sport: "mlb", prefix: "props", now: now, pastDays: pastDays, score: (3, 2)) {
            gameID, start, day, home, away in
            try await store.statcast.upsert(
                pitches(
                    gameID: gameID, gamePK: 10_000 + day, start: start, day: day, batters: batters(home.index) + batters(away.index),
                    pitcher: 1))
        }
        return (season.gameID, season.tonight)
    }

    /// Two pitches per plate appearance, the event on the second; four plate appearances per batter, each batter
    /// named as Savant's batter search names him.
    static func pitches(gameID: Int, gamePK: Int, start: Date, day: Int, batters: [Int], pitcher: Int) -> [StatcastPitch] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        let components = calendar.dateComponents([.year, .month, .day], from: start)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let gameDate = utc.date(from: components)!
        var rows: [StatcastPitch] = []
        var atBat = 0
        for pa in 0..<4 {
            for batter in batters {
                atBat += 1
                rows.append(
                    StatcastPitch(
                        gameID: gameID, gamePK: gamePK, gameDate: gameDate, atBatNumber: atBat, pitchNumber: 1, batterID: batter,
                        pitcherID: pitcher, description: "ball", batterName: "Batter \(batter)"))
                let event =
                    isHit(batter: batter, day: day, pa: pa) ? (pa == 3 ? "home_run" : "single") : (pa % 2 == 0 ? "strikeout" : "field_out")
                rows.append(
                    StatcastPitch(
                        gameID: gameID, gamePK: gamePK, gameDate: gameDate, atBatNumber: atBat, pitchNumber: 2, batterID: batter,
                        pitcherID: pitcher, events: event, description: "hit_into_play", batterName: "Batter \(batter)"))
            }
        }
        return rows
    }

    /// Hits of `batter` in the game of `day`.
    static func hits(batter: Int, day: Int) -> Int { (0..<4).filter { isHit(batter: batter, day: day, pa: $0) }.count }

    @Test func predictsStoresOnceAndSettlesFromStatcast() async throws {
        let store = try await CollectTestSupport.migratedStore()
        // A game a day at 23:00 UTC with its Statcast, and tonight's game 11 hours after the job runs.
        let (gameID, tonight) = try await Self.seedSeason(store)

        let predictor = PropPredictor(store: store, now: { Self.now })
        let run = try await predictor.run(PredictProps(), jobID: "props-1", logger: Self.logger)
        #expect(run.games == 1)
        #expect(run.predictions == 18 * 2)
        #expect(run.trainingExamples > 700)
        let modelID = try #require(run.modelID)
        let rmse = try #require(run.rmse)
        let baseline = try #require(run.baselineRMSE)
        #expect(rmse.isFinite && baseline.isFinite)
        Self.logger.info("held-out errors", metadata: ["rmse": "\(rmse)", "baseline_rmse": "\(baseline)", "mae": "\(run.mae ?? .nan)"])

        let model = try #require(try await store.models.find(id: modelID))
        #expect(model.betType == .playerProp && model.status == .challenger && model.metrics["rmse"] == rmse)

        let stored = try await store.predictions.pending(gameID: gameID)
        #expect(stored.count == 36)
        #expect(Set(stored.map(\.selection)) == Set((Self.batters(0) + Self.batters(1)).map { "batter:\($0):hits_over" }))
        for prediction in stored {
            #expect(prediction.betType == .playerProp && prediction.modelID == modelID && prediction.sport == "mlb")
            #expect(prediction.price == nil && prediction.edge == 0 && prediction.tier == .d && prediction.stake == 0)
            #expect(prediction.predictionHash == PredictionFingerprint.hash(of: prediction))
            let expected = try #require(prediction.componentProbabilities["expected_hits"])
            let line = try #require(prediction.line)
            #expect(abs(prediction.probability - PoissonThreshold.probabilityOver(line, mean: expected)) < 1e-12)
        }
        // Better hitters (a hit every third turn) are expected to get more hits than the weakest (every fifth).
        func expectedHits(_ batter: Int) -> Double {
            stored.first { $0.selection == "batter:\(batter):hits_over" }?.componentProbabilities["expected_hits"] ?? .nan
        }
        let strong = Self.batters(0).filter { $0 % 3 == 0 }
        let weak = Self.batters(0).filter { $0 % 3 == 2 }
        let strongMean: Double = strong.map(expectedHits).reduce(0, +) / 3
        let weakMean: Double = weak.map(expectedHits).reduce(0, +) / 3
        #expect(strongMean > weakMean)

        // A later run predicts nothing twice; a redelivery of the first writes nothing.
        let again = try await predictor.run(PredictProps(), jobID: "props-2", logger: Self.logger)
        #expect(again.predictions == 0 && again.alreadyPredicted == 36 && again.modelID == nil)
        #expect(try await store.predictions.pending(gameID: gameID).count == 36)

        // The game ends: without its Statcast the props wait; with it they are graded, the absent batter voided.
        _ = try await store.games.updateResult(id: gameID, status: .final, homeScore: 5, awayScore: 4)
        let settler = PredictionSettler(store: store, now: { tonight.addingTimeInterval(5 * 3_600) })
        #expect(try await settler.settle(SettlePredictions(sport: "mlb"), jobID: "settle-1", logger: Self.logger).isEmpty)
        let absent = Self.batters(0)[8]
        let played = Self.batters(0).dropLast() + Self.batters(1)
        try await store.statcast.upsert(
            Self.pitches(gameID: gameID, gamePK: 20_000, start: tonight, day: Self.pastDays, batters: Array(played), pitcher: 1))
        let runs = try await settler.settle(SettlePredictions(sport: "mlb"), jobID: "settle-2", logger: Self.logger)
        let settled = try #require(runs["mlb"])
        #expect(settled.gamesGraded == 1 && settled.voids == 2 && settled.wins + settled.losses == 34)
        #expect(settled.withoutClosingPrice == 0)
        // Forecasts without a stake stay out of the bets' accuracy, CLV and ROI.
        let performance = try await store.predictions.performance(
            sport: "mlb", from: tonight.addingTimeInterval(-86_400), to: tonight.addingTimeInterval(86_400))
        #expect(performance.allSatisfy { $0.wins + $0.losses + $0.voids == 0 })
        for prediction in try await store.predictions.predictions(
            sport: "mlb", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400))
        {
            let batter = try #require(BatterHitsProp(selection: prediction.selection)).batterID
            if batter == absent {
                #expect(prediction.status == .void)
                continue
            }
            let hits = Self.hits(batter: batter, day: Self.pastDays)
            #expect(prediction.status == .settled)
            #expect(prediction.result == (Double(hits) > (prediction.line ?? 0) ? .win : .loss))
            #expect(prediction.profit == 0 && prediction.clv == nil && prediction.closingPrice == nil)
        }
    }

    @Test func laterRunsServeWithTheModelFittedTheSameDayAndRefitADayLater() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (gameID, _) = try await Self.seedSeason(store)
        let predictor = PropPredictor(store: store, now: { Self.now })
        func expectedHits() async throws -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: try await store.predictions.pending(gameID: gameID).map {
                    ($0.selection + "@\($0.line ?? 0)", $0.componentProbabilities["expected_hits"] ?? .nan)
                })
        }

        let first = try await predictor.run(PredictProps(), jobID: "props-fit", logger: Self.logger)
        let modelID = try #require(first.modelID)
        #expect(!first.reusedModel && first.predictions == 36)
        let fitted = try await expectedHits()

        // The same history an hour later: the props are priced by the stored model, registered once, with its figures.
        _ = try await store.query("DELETE FROM predictions WHERE game_id = \(gameID)")
        let reused = try await predictor.run(PredictProps(), jobID: "props-reuse", logger: Self.logger)
        #expect(reused.reusedModel && reused.modelID == modelID && reused.predictions == 36)
        #expect(reused.rmse == first.rmse && reused.trainingExamples == first.trainingExamples)
        #expect(try await expectedHits() == fitted)
        #expect(try await store.models.models(sport: "mlb", betType: .playerProp).count == 1)

        // The rules, on the stored model: its own history serves; a day more, a game it has not seen before it, or
        // another feature set do not; nor does a retired model.
        var stored = try #require(try await store.models.find(id: modelID))
        let end = stored.trainingEnd
        func reusable(_ model: RegisteredModel, newest: Date, features: String = BatterHitsMarket.featureSetVersion) -> Bool {
            PropModelReuse.reusable(model, as: BatterHitsModel.self, featureSetVersion: features, newestExample: newest) != nil
        }
        #expect(reusable(stored, newest: end))
        #expect(reusable(stored, newest: end.addingTimeInterval(PropModelReuse.refitInterval - 1)))
        #expect(!reusable(stored, newest: end.addingTimeInterval(PropModelReuse.refitInterval)))
        #expect(!reusable(stored, newest: end.addingTimeInterval(-1)))
        #expect(!reusable(stored, newest: end, features: "batter_hits_v0"))
        stored.status = .retired
        #expect(!reusable(stored, newest: end))

        // A model trained two days before the history ends is refitted, and the new one registered.
        _ = try await store.query("UPDATE models SET training_end = training_end - interval '2 days' WHERE id = \(modelID)")
        _ = try await store.query("DELETE FROM predictions WHERE game_id = \(gameID)")
        let refitted = try await predictor.run(PredictProps(), jobID: "props-refit", logger: Self.logger)
        #expect(!refitted.reusedModel && refitted.modelID != nil && refitted.modelID != modelID && refitted.predictions == 36)
    }

    @Test func payloadTakesAnEasternDay() throws {
        let declared = JobRegistry()
        PropJobs.declare(in: declared)
        #expect(declared.types == ["predict.props"])
        try declared.validate(type: "predict.props", payload: "{}")
        try declared.validate(type: "predict.props", payload: #"{"date":"2026-06-15"}"#)
        #expect(throws: QueueError.self) { try declared.validate(type: "predict.props", payload: #"{"date":"2026-6-15"}"#) }
        #expect(throws: QueueError.self) { try declared.validate(type: "predict.props", payload: #"{"date":"2026-02-30"}"#) }
    }
}
