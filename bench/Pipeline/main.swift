import Essentials
import Foundation
import Jobs
import Logging
import ML
import Queue
import Sandbox
import SandboxSupport
import Store
import TestSupport

// The prediction pipeline on a simulated history, measured: how long each step takes, and how the calibrated
// models' log loss on the newest games compares with the simulator's Bayes-optimal forecast, the opening line (the
// consensus when the market opened, at the line the forecast was made at) and the closing line (the books' no-vig
// consensus at the same line), on the same games — published
// when the market opens and again an hour before the start. The ceiling (moneylines) is the market's consensus when
// the features were taken with the schedule, weather and starters priced in full: what public signals can add to
// the line; the rest of the gap to Bayes is the opening error and the injury lists' changes after the open.
//
// A three-way moneyline (soccer) is also scored as the three-way market it is: the model's home/draw/away forecast
// (`BetOutcome.sides`: its home-win probability, the rest split as the market priced draw and away), the opening and
// the closing consensus over all three outcomes and the truth, by the log loss of the outcome that happened.
//
// The NFL, out of season at the bench's end (June), is benched on the history up to its last season's end.
//
// Environment: BENCH_DAYS (history, default 150), BENCH_SPORTS (default nba,mlb,epl,nhl,nfl), BENCH_MODELS (AutoML models,
// default 20), BENCH_RUNTIME (AutoML seconds, default 120), BENCH_PRESET (stack preset, default high_quality),
// BENCH_PUBLICATIONS (`open`, `late`, `served`, `late-at-open`: see the passes below; default the first three), BENCH_BET_TYPES (default spread,moneyline,total),
// BENCH_SEED (the simulated world's, default 42), BENCH_END (when the history ends, ISO 8601, default 2026-06-01T16:00:00Z: the end of an NBA season; a date in
// December gives the history `aips dev` trains on then, across the summer), BENCH_DUMP (a directory: each moneyline's training rows
// are written there as CSV with the simulator's truth, the opening line and the ceiling beside the features, for
// analysis outside the platform), BENCH_HISTORY (`opens`, the default: a daily odds snapshot and one five minutes after
// each game's market opens; `bootstrap`: the history `aips dev`'s bootstrap collects, `PipelineFlow.oddsSnapshotsPerDay`
// snapshots a day and nothing at the open, the `served` pass's models learning from features an hour after each game's
// first price, with its quick training settings unless BENCH_MODELS, BENCH_RUNTIME or BENCH_PRESET say otherwise),
// BENCH_LEARN (`results`: the learners fit the games' results instead of their fair closes, as before the close was learnt).

let environment = ProcessInfo.processInfo.environment
let days = Int(environment["BENCH_DAYS"] ?? "") ?? 150
let sports = (environment["BENCH_SPORTS"] ?? "nba,mlb,epl,nhl,nfl").split(separator: ",").map(String.init)
let publications = Set((environment["BENCH_PUBLICATIONS"] ?? "open,late,served").split(separator: ",").map(String.init))
let dumpDirectory = environment["BENCH_DUMP"]
let betTypes = (environment["BENCH_BET_TYPES"] ?? "spread,moneyline,total").split(separator: ",").compactMap { BetType(rawValue: String($0)) }
/// The history as `aips dev`'s bootstrap collects and trains on it, rather than with a snapshot at each game's open.
let bootstrapHistory = environment["BENCH_HISTORY"] == "bootstrap"
var settings: TrainingSettings
if bootstrapHistory {
    settings = PipelineFlow.quickSettings(days: days)
} else {
    settings = TrainingSettings()
    settings.trainingWindowDays = days
    settings.validationWindowDays = max(14, days / 5)
    settings.maxModels = 20
    settings.maxRuntimeSeconds = 120
    settings.preset = .highQuality
}
settings.maxModels = Int(environment["BENCH_MODELS"] ?? "") ?? settings.maxModels
settings.maxRuntimeSeconds = Double(environment["BENCH_RUNTIME"] ?? "") ?? settings.maxRuntimeSeconds
settings.preset = TrainingSettings.Preset(rawValue: environment["BENCH_PRESET"] ?? "") ?? settings.preset
settings.learnsFromTheClose = environment["BENCH_LEARN"] != "results"
let evaluationDays = settings.validationWindowDays
var logger = Logger(label: "pipeline-bench")
logger.logLevel = .error

func seconds(since start: ContinuousClock.Instant) -> String {
    let elapsed = start.duration(to: .now).components
    return String(format: "%.1f s", Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
}

// A database of its own.
let store = try await TestServers.migratedStore("pipeline_bench", logger: logger)

// The world, frozen at the end of the history (`aips dev`'s is seed 1).
let worldSeed = UInt64(environment["BENCH_SEED"] ?? "") ?? 42
let end = try environment["BENCH_END"].map { try Date($0, strategy: .iso8601) } ?? Date(timeIntervalSince1970: 1_780_329_600)
// No frequency limit: the backfill calls the historical endpoint back to back. No quota either: the bench measures the
// models, and a year of five leagues at four snapshots a day costs about twice the sandbox's default 100,000 credits.
let sandbox = SandboxServer(
    configuration: SandboxConfiguration(
        seed: worldSeed, start: end, speed: 0, oddsAPIQuota: Int(Int32.max), oddsAPIRequestsPerWindow: 1_000_000), logger: logger)
try await sandbox.withRunning { running in
    let configuration = CollectorConfiguration.sandbox(running, sports: sports)
    let clock = running.clock
    let upstream = UpstreamClient()
    let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
    let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)

    print("pipeline benchmark: \(days) days of \(sports.joined(separator: ", ")) ending \(end.formatted(.iso8601)), sandbox seed \(worldSeed)")
    // The NFL plays from September into January: out of season at the end, its history is the season before, up to
    // the day after that season's last game.
    let historyEnds: [String: Date] = Dictionary(
        uniqueKeysWithValues: sports.compactMap { sport in
            let lastYear = end.addingTimeInterval(-365 * 86_400)..<end
            guard sport == "nfl", let last = running.world.games(.nfl, startingIn: lastYear).last else { return nil }
            return (sport, min(end, last.endsAt.addingTimeInterval(86_400)))
        })
    for (sport, historyEnd) in historyEnds.sorted(by: { $0.key < $1.key }) {
        print("\(sport) history ends \(historyEnd.formatted(.iso8601)), the day after its last season's last game")
    }
    func historyEnd(_ sport: String) -> Date { historyEnds[sport] ?? end }
    func historyStart(_ sport: String) -> Date { historyEnd(sport).addingTimeInterval(-Double(days) * 86_400) }
    // How the simulated books compare with real ones: cross-book arbitrage (best home and best away prices
    // implying less than 100 %) should be rare, the US books' margins 4–5 %.
    for sport in sports {
        guard let simulated = SandboxSport(rawValue: sport) else { continue }
        let survey = running.world.moneylineSurvey(
            simulated, startingIn: historyEnd(sport).addingTimeInterval(-30 * 86_400)..<historyEnd(sport), every: 3_600)
        let us = Bookmaker.all.filter { $0.region.hasPrefix("us") }.compactMap { survey.meanVig[$0.key] }
        print(
            "\(sport) cross-book arbitrage: \(String(format: "%.2f", 100 * survey.arbitrageRate)) % of \(survey.snapshots) moneyline snapshots "
                + "(last 30 days, hourly); mean vig: US books \(String(format: "%.2f", 100 * us.reduce(0, +) / Double(max(1, us.count)))) %, "
                + "Pinnacle \(String(format: "%.2f", 100 * (survey.meanVig["pinnacle"] ?? 0))) %")
    }
    var started = ContinuousClock.now
    let day: (Date) -> String = { $0.formatted(.iso8601.year().month().day()) }
    // MLB's box scores carry the starters' strikeouts and walks (feature set v6).
    let plans = sports.map { sport in
        BackfillPlan(
            sports: [sport], from: day(historyStart(sport)), to: day(historyEnd(sport).addingTimeInterval(-86_400)),
            sources: sport == "mlb" ? [.games, .odds, .boxScores] : [.games, .odds],
            oddsSnapshotsPerDay: bootstrapHistory ? PipelineFlow.oddsSnapshotsPerDay : 1)
    }
    let summaries = SummariesCollector(client: ESPNClient(configuration: configuration.espn, upstream: upstream), store: store, now: { clock.now })
    for request in try plans.flatMap({ try $0.requests() }) {
        let payload = Data(request.payload.utf8)
        switch request.type {
        case CollectGames.jobType:
            _ = try await games.collect(JSONDecoder().decode(CollectGames.self, from: payload), jobID: request.id, logger: logger)
        case CollectSummaries.jobType:
            _ = try await summaries.collect(JSONDecoder().decode(CollectSummaries.self, from: payload), jobID: request.id, logger: logger)
        default:
            _ = try await odds.collect(JSONDecoder().decode(CollectOdds.self, from: payload), jobID: request.id, logger: logger)
        }
    }
    print("backfill (games, odds, closing lines, MLB box scores): \(seconds(since: started))")
    // Opening lines: a snapshot five minutes after each game's market opens, so features taken at the open see
    // the opening line (the daily backfill snapshot is taken at noon Eastern). The bootstrap's history has them only
    // for the evaluation games, where the platform publishes live at the open.
    started = ContinuousClock.now
    let window = running.world.marketOpensBeforeStart
    for sport in sports {
        guard let simulated = SandboxSport(rawValue: sport) else { continue }
        let evaluated = historyEnd(sport).addingTimeInterval(-Double(evaluationDays) * 86_400)
        let opened = bootstrapHistory ? evaluated : historyStart(sport)
        let opens = Set(
            running.world.games(simulated, startingIn: opened..<historyEnd(sport)).map {
                $0.startsAt.addingTimeInterval(-window + 300)
            }
        ).sorted()
        for (index, time) in opens.enumerated() {
            _ = try await odds.collect(
                CollectOdds(sport: sport, snapshotAt: time, isBackfill: true, includeScores: false), jobID: "bench/open/\(sport)/\(index)",
                logger: logger)
        }
    }
    print("opening snapshots: \(seconds(since: started))")

    // Published when the market opens (features ten minutes after it), then an hour before the start: each is
    // featurized, trained, calibrated and scored on its own, the later pass reading the newer features. `served` is
    // what the platform publishes at the open: its open publication's models, trained on each game's first features
    // with the line (`publication: .open`) while the later features are in the store too, scored on the features at
    // the open. `late-at-open` is what it published there before each publication had its own models: the model
    // trained an hour before the start, scored on the features at the open.
    let openLead = Int(window / 60) - 10
    let passes: [(name: String, publication: String, featured: [Int], lead: Int, scoredLead: Int, models: PredictionPublication)] = [
        ("open", "when the market opens", [openLead], openLead, openLead, .gameDay),
        ("late", "an hour before the start", [60], 60, 60, .gameDay),
        ("served", "when the market opens, by the platform's open models (trained on each game's first features with the line)",
         [openLead, 60], openLead, openLead, .open),
        ("late-at-open", "when the market opens, by the model trained an hour before the start", [openLead, 60], 60, openLead, .gameDay),
    ]
    for (pass, publication, featured, lead, scoredLead, models) in passes.filter({ publications.contains($0.name) }) {
        started = ContinuousClock.now
        let featurizer = Featurizer(store: store, now: { clock.now })
        for sport in sports {
            for featuredLead in featured.sorted(by: >) {
                let result = try await featurizer.run(
                    sport: sport, Featurize(sport: sport, from: historyStart(sport), to: historyEnd(sport), leadMinutes: featuredLead),
                    logger: logger)
                print(
                    "featurize \(sport) at \(featuredLead) min: \(result.gamesFeaturized) games, mean completeness \(String(format: "%.3f", result.meanCompleteness))")
            }
        }
        // The bootstrap's open models learn from each game an hour after its first price (`Featurize.atOpen`).
        if bootstrapHistory && pass == "served" {
            for sport in sports {
                let result = try await featurizer.run(
                    sport: sport, Featurize(sport: sport, from: historyStart(sport), to: historyEnd(sport), atOpen: true), logger: logger)
                print("featurize \(sport) an hour after each first price: \(result.gamesFeaturized) games")
            }
        }
        print("featurize: \(seconds(since: started))")

        let trainer = ModelTrainer(store: store)
        // The bench measures the models, not the review: a model that passes is promoted at once, as before review.
        let calibrator = ModelCalibrator(store: store, promotion: .automatic)
        print("")
        print("== published \(publication) (features \(scoredLead) min before the start)")
        print("sport bet_type   games  log loss: model  opening  market@features  closing  Bayes  ceiling  model−closing ± SE  model−opening ± SE | automl  stack | AUC model  accuracy  train s (automl/stack/calibrate)")
        for sport in sports {
            for betType in betTypes {
                var times: [String] = []
                for kind in [ModelKind.automl, .stack] {
                    started = ContinuousClock.now
                    _ = try await trainer.train(
                        kind, sport: sport, betType: betType, publication: models, end: historyEnd(sport), featureSetVersion: FeatureCatalog.version,
                        settings: settings,
                        effectID: "bench/\(pass)/\(kind)/\(sport)/\(betType)", logger: logger)
                    times.append(seconds(since: started))
                }
                started = ContinuousClock.now
                _ = try await calibrator.calibrate(
                    sport: sport, betType: betType, publication: models, thresholds: PromotionThresholds(), effectID: "bench/\(pass)/meta/\(sport)/\(betType)", logger: logger)
                times.append(seconds(since: started))
                guard let meta = try await store.models.latest(name: ModelKind.meta.modelName(sport: sport, betType: betType, publication: models))
                else {
                    print("\(sport) \(betType): no calibrated model")
                    continue
                }
                let archive = try ModelArchive.decode(Array(meta.artifact))
                let data = try await TrainingDataLoader(store: store).load(
                    sport: sport, betType: betType, publication: models, featureSetVersion: meta.featureSetVersion, end: historyEnd(sport),
                    settings: settings, names: archive.featureNames)
                // The evaluation games as the publication sees them: their features `scoredLead` minutes before the start.
                var published = data.evaluation
                if scoredLead != lead {
                    published = []
                    for example in data.evaluation {
                        guard let set = try await store.gameFeatures.featureSet(
                            gameID: example.gameID, featureSetVersion: meta.featureSetVersion,
                            asOf: example.scheduledAt.addingTimeInterval(-Double(scoredLead) * 60)),
                            let game = try await store.games.find(id: example.gameID), let home = game.homeScore, let away = game.awayScore,
                            let label = BetOutcome.label(
                                betType, homeScore: home, awayScore: away, features: set.features,
                                threeWay: CollectedSport.hasDraw(sport))
                        else { continue }
                        published.append(
                            TrainingExample(
                                gameID: example.gameID, scheduledAt: example.scheduledAt, asOf: set.asOf, features: set.features, label: label,
                                drawLabel: example.drawLabel))
                    }
                }
                let probabilities = archive.model.predict(data.dataset(published))
                if let dumpDirectory, betType == .moneyline {
                    try await dump(data, to: "\(dumpDirectory)/\(sport)-moneyline-\(lead)min.csv", world: running.world, sport: sport, lead: lead, store: store)
                }
                var labels: [Double] = []
                // The evaluation games scored, in the order of `labels`.
                var scored: [TrainingExample] = []
                var model: [Double] = []
                var closing: [Double] = []
                var bayes: [Double] = []
                // The moneyline market the model saw: the no-vig home probability among its features.
                var market: [Double] = []
                // The simulated books' consensus when the market opened, at the line the features saw.
                var opening: [Double] = []
                // The consensus when the features were taken with the schedule, weather and starters priced in full:
                // the best a model reading the line and those public signals exactly could do (moneylines).
                var ceiling: [Double] = []
                // Three-way markets: the probability each forecast gave the outcome that happened.
                var threeWay: (model: [Double], opening: [Double], closing: [Double], bayes: [Double]) = ([], [], [], [])
                // Three-way markets: P(draw | the home side does not win) by the model's draw share (the learned one
                // if the meta model kept it), by the market's share the features saw, and the simulator's truth.
                var drawShares: (model: [Double], market: [Double], truth: [Double]) = ([], [], [])
                let hasDraw = CollectedSport.hasDraw(sport) && betType == .moneyline
                let drawShare = DrawShareModel(archive: archive)
                for (example, p) in zip(published, probabilities) {
                    guard let (game, simulated) = try await simulatedGame(store, world: running.world, sport: sport, gameID: example.gameID)
                    else { continue }
                    let line = BetOutcome.lineFeature(betType).flatMap { example.features[$0] }
                    let event: SimulatedEvent =
                        switch betType {
                        case .spread: .homeCovers(line: line!)
                        case .total: .over(line: line!)
                        default: .homeWin
                        }
                    let opensAt = simulated.startsAt.addingTimeInterval(-running.world.marketOpensBeforeStart)
                    let truth = running.world.probability(of: event, simulated)
                    guard let close = try await closingProbability(store, gameID: example.gameID, betType: betType, line: line, hasDraw: hasDraw)
                    else { continue }
                    if hasDraw, let home = game.homeScore, let away = game.awayScore,
                        let sides = BetOutcome.sides(betType, threeWay: true, probability: p, features: example.features, drawShare: drawShare),
                        let closing = try await closingThreeWay(store, gameID: example.gameID)
                    {
                        let outcome = home > away ? 0 : home == away ? 1 : 2
                        // Home, draw and away by the truth and by the consensus at the open.
                        let truthHome = running.world.homeWinProbability(simulated)
                        let truthDraw = running.world.drawProbability(simulated)
                        let openHome = running.world.consensusProbability(of: .homeWin, simulated, at: opensAt)
                        let openDraw = running.world.consensusProbability(of: .draw, simulated, at: opensAt)
                        if let market = ThreeWayForecast.marketDrawShare(
                            draw: example.features["line_drawprob_current"], homeWin: example.features["line_homewinprob_current"])
                        {
                            drawShares.model.append(drawShare?.share(features: example.features) ?? market)
                            drawShares.market.append(market)
                            drawShares.truth.append(truthDraw / (1 - truthHome))
                        }
                        threeWay.model.append(sides[outcome].probability)
                        threeWay.opening.append([openHome, openDraw, 1 - openHome - openDraw][outcome])
                        threeWay.closing.append(closing[outcome])
                        threeWay.bayes.append([truthHome, truthDraw, 1 - truthHome - truthDraw][outcome])
                    }
                    labels.append(example.label)
                    scored.append(example)
                    if betType == .moneyline, let seen = example.features["line_homewinprob_current"] { market.append(seen) }
                    opening.append(running.world.consensusProbability(of: event, simulated, at: opensAt))
                    if betType == .moneyline {
                        ceiling.append(
                            running.world.consensusHomeWinProbabilityPricingPublicSignals(
                                simulated, at: simulated.startsAt.addingTimeInterval(-Double(scoredLead) * 60)))
                    }
                    model.append(p)
                    closing.append(close)
                    bayes.append(truth)
                }
                func loss(_ p: [Double]) -> String { String(format: "%.4f", BinaryMetrics.logLoss(labels: labels, probabilities: p)) }
                // The model's log loss minus a reference's, with the paired standard error of the game-by-game differences.
                func paired(_ reference: [Double]) -> String {
                    guard reference.count == labels.count else { return "–" }
                    let differences = zip(labels, zip(model, reference)).map { y, pair in
                        BinaryMetrics.logLoss(labels: [y], probabilities: [pair.0]) - BinaryMetrics.logLoss(labels: [y], probabilities: [pair.1])
                    }
                    let mean = differences.reduce(0, +) / Double(max(1, differences.count))
                    let variance = differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, differences.count - 1))
                    return String(format: "%+.4f ± %.4f", mean, (variance / Double(max(1, differences.count))).squareRoot())
                }
                // The learners alone, on all the evaluation games (their registry metrics).
                var learners: [String] = []
                for kind in [ModelKind.automl, .stack] {
                    let metric = try await store.models.latest(name: kind.modelName(sport: sport, betType: betType, publication: models))?.metrics["log_loss"]
                    learners.append(metric.map { String(format: "%.4f", $0) } ?? "–")
                }
                print(
                    "\(sport.padding(toLength: 5, withPad: " ", startingAt: 0)) \(betType.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                        + "\(String(labels.count).leftPadded(5))  \(loss(model).leftPadded(15))  \((opening.count == labels.count ? loss(opening) : "–").leftPadded(7))  \((market.count == labels.count ? loss(market) : "–").leftPadded(15))  "
                        + "\(loss(closing).leftPadded(7))  \(loss(bayes).leftPadded(6))  \((ceiling.count == labels.count ? loss(ceiling) : "–").leftPadded(7))  "
                        + "\(paired(closing).leftPadded(18))  \(paired(opening).leftPadded(18)) | "
                        + "\(learners[0]) \(learners[1]) | "
                        + "\(String(format: "%.4f", BinaryMetrics.auc(labels: labels, scores: model)).leftPadded(9))  "
                        + "\(String(format: "%.3f", BinaryMetrics.accuracy(labels: labels, probabilities: model)).leftPadded(8))  \(times.joined(separator: " / "))")
                // The same forecasts scored by their expected log loss under the simulator's true probability: free of
                // the outcomes' noise, so a difference of a thousandth shows on a few hundred games. The share of the
                // ceiling's gain over the opening line that the model captures is what public signals earned it.
                func expectedLosses(_ p: [Double]) -> [Double] {
                    zip(bayes, p).map { truth, forecast in
                        let q = min(max(forecast, 1e-15), 1 - 1e-15)
                        return -(truth * log(q) + (1 - truth) * log(1 - q))
                    }
                }
                func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
                    let mean = values.reduce(0, +) / Double(max(1, values.count))
                    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, values.count - 1))
                    return (mean, (variance / Double(max(1, values.count))).squareRoot())
                }
                func expected(_ p: [Double]) -> String {
                    p.count == bayes.count ? String(format: "%.4f", meanAndError(expectedLosses(p)).mean) : "–"
                }
                var expectedLine = "      expected log loss under the truth: model \(expected(model)), opening \(expected(opening)), "
                    + "ceiling \(expected(ceiling)), closing \(expected(closing)), Bayes \(expected(bayes))"
                if opening.count == bayes.count {
                    let openingLosses = expectedLosses(opening)
                    let difference = meanAndError(zip(expectedLosses(model), openingLosses).map { $0 - $1 })
                    expectedLine += String(format: "; model − opening %+.4f ± %.4f", difference.mean, difference.error)
                    if ceiling.count == bayes.count {
                        let gain = meanAndError(openingLosses).mean - meanAndError(expectedLosses(ceiling)).mean
                        if gain > 0 { expectedLine += String(format: "; captures %.0f %% of the ceiling's gain", -100 * difference.mean / gain) }
                    }
                }
                print(expectedLine)
                // Under the same truth, what the market fallback gave up or spared: the blend as built, departures and all;
                // and for a moneyline, the line-adjustment GLM (the learner of `ModelMarkets.lineAdjustmentLearner`) fitted
                // to the fit window alone, as the trainer fits it (its closes, or with BENCH_LEARN=results its results).
                if opening.count == bayes.count {
                    let openingLosses = expectedLosses(opening)
                    func againstOpening(_ p: [Double]) -> String {
                        let difference = meanAndError(zip(expectedLosses(p), openingLosses).map { $0 - $1 })
                        return String(format: "%.4f (− opening %+.4f ± %.4f)", meanAndError(expectedLosses(p)).mean, difference.mean, difference.error)
                    }
                    var parts: [String] = []
                    if case .priorAnchored(let anchored) = archive.model, anchored.weight == 0 {
                        parts.append("the blend the fallback set aside \(againstOpening(anchored.learner.predict(data.dataset(scored))))")
                    }
                    if let adjustment = ModelMarkets.lineAdjustmentLearner(names: data.names, betType: betType) {
                        let fitted = try adjustment.fit(data.dataset(data.fit), labels: data.targets(data.fit), prior: ModelMarkets.prior(betType))
                        let target = data.learnsFromTheClose ? "closes" : "results"
                        parts.append("the line adjustments fitted to the fit window's \(target) \(againstOpening(fitted.predict(data.dataset(scored))))")
                    }
                    if !parts.isEmpty { print("      under the truth, " + parts.joined(separator: "; ")) }
                }
                // What the features hold, apart from how well the learners find it: a GLM of the line adjustments on
                // top of the market the features saw, fitted to the simulator's true probability on every game of
                // the window (no learner could do better with those columns; it is not a forecast, it saw the truth).
                if betType == .moneyline, opening.count == bayes.count, let adjustment = ModelMarkets.lineAdjustmentLearner(names: data.names, betType: betType),
                    case .generalizedLinear(var reach) = adjustment
                {
                    reach.lambda = 0
                    let every = data.fit + data.calibration + data.evaluation
                    var truths: [Double] = []
                    var kept: [TrainingExample] = []
                    for example in every {
                        guard let (_, simulated) = try await simulatedGame(store, world: running.world, sport: sport, gameID: example.gameID)
                        else { continue }
                        truths.append(running.world.homeWinProbability(simulated))
                        kept.append(example)
                    }
                    let oracle = try GeneralizedLinear(configuration: reach).fit(data.dataset(kept), labels: truths, prior: ModelMarkets.prior(betType))
                    let reached = meanAndError(expectedLosses(oracle.predict(data.dataset(scored)))).mean
                    let seen = meanAndError(expectedLosses(market.count == bayes.count ? market : opening)).mean
                    print(
                        "      the line adjustments' reach (\((reach.columns ?? []).joined(separator: ", ")) fitted to the truth): "
                            + String(format: "expected log loss %.4f, %.5f below the market the features saw", reached, seen - reached))
                }
                if hasDraw {
                    func threeWayLoss(_ p: [Double]) -> String {
                        String(format: "%.4f", p.reduce(0) { $0 - log(max($1, 1e-15)) } / Double(max(1, p.count)))
                    }
                    print(
                        "      three-way (home/draw/away) log loss on \(threeWay.model.count) games: model \(threeWayLoss(threeWay.model)), "
                            + "opening \(threeWayLoss(threeWay.opening)), closing \(threeWayLoss(threeWay.closing)), Bayes \(threeWayLoss(threeWay.bayes))")
                    // The draw share as calibration judged it (games the home side did not win), and by its expected
                    // log loss under the simulator's true share on every game, free of the outcomes' noise.
                    func expectedShareLoss(_ q: [Double]) -> String {
                        let losses = zip(drawShares.truth, q).map { t, q in -(t * log(max(q, 1e-15)) + (1 - t) * log(max(1 - q, 1e-15))) }
                        return String(format: "%.5f", losses.reduce(0, +) / Double(max(1, losses.count)))
                    }
                    func metric(_ name: String) -> String { meta.metrics[name].map { String(format: "%.4f", $0) } ?? "–" }
                    print(
                        "      draw share (\(meta.metrics["draw_kept"] == 1 ? "kept" : "not kept")): log loss on \(Int(meta.metrics["draw_rows_evaluation"] ?? 0)) "
                            + "evaluation games model \(metric("draw_log_loss")), market's share \(metric("draw_market_log_loss")); pooled "
                            + "\(metric("draw_pooled_log_loss")) vs \(metric("draw_pooled_market_log_loss")); expected under the truth on "
                            + "\(drawShares.truth.count) games: model \(expectedShareLoss(drawShares.model)), market \(expectedShareLoss(drawShares.market)), "
                            + "truth \(expectedShareLoss(drawShares.truth))")
                }
                // Where the meta model's loss comes from: the AutoML leader, the blend and its calibration.
                let automlRecord = try await store.models.latest(name: ModelKind.automl.modelName(sport: sport, betType: betType, publication: models))
                var leader = "–"
                if case .string(let name)? = automlRecord?.hyperparameters["leader"] { leader = name }
                var blendWeights = "–"
                if case .array(let values)? = meta.hyperparameters["weights"] {
                    // A weight of exactly 0 or 1 comes back from the database as an integer.
                    blendWeights = values.compactMap { $0.numberValue.map { String(format: "%.2f", $0) } }.joined(separator: "/")
                }
                var calibration = "–"
                if case .string(let method)? = meta.hyperparameters["calibration"] { calibration = method }
                let evaluationRows = data.dataset(data.evaluation)
                let evaluationLabels = data.labels(data.evaluation)
                var uncalibrated = archive.model
                if case .calibrated(let calibrated) = archive.model { uncalibrated = calibrated.base }
                var parts = ["blend before calibration \(String(format: "%.4f", BinaryMetrics.logLoss(labels: evaluationLabels, probabilities: uncalibrated.predict(evaluationRows))))"]
                if case .weightedEnsemble(let blend) = uncalibrated, blend.members.count == 3 {
                    parts.append("voting \(String(format: "%.4f", BinaryMetrics.logLoss(labels: evaluationLabels, probabilities: blend.members[2].predict(evaluationRows))))")
                }
                // A blend the market beat on the pooled games, or whose departures moved away from the close, serves the
                // market (`ModelCalibrator.blend`).
                let awayFromClose = (meta.metrics[CloseAgreement.Metric.difference] ?? 0) > CloseAgreement.rounding
                let fallback =
                    meta.metrics["market_fallback"] == 1
                    ? "; serves the market (blend's " + ((meta.metrics["blend_pooled_log_loss"] ?? 0) > (meta.metrics["pooled_prior_log_loss"] ?? 0)
                        ? "pooled log loss above it" : "departures away from the close") + ")"
                    : ""
                let close = meta.metrics[CloseAgreement.Metric.difference].map {
                    String(format: "; against the close %+.5f ± %.5f", $0, meta.metrics[CloseAgreement.Metric.standardError] ?? .nan)
                        + (awayFromClose ? " (away)" : "")
                } ?? ""
                print("      automl leader \(leader); meta weights \(blendWeights), calibration \(calibration)\(fallback)\(close); on all \(evaluationLabels.count) evaluation games: \(parts.joined(separator: ", "))")
            }
        }
    }
}
await store.shutdown()

/// The stored game `gameID` and the simulated game it was collected from: the one of `sport` with its ESPN id that
/// starts within a minute of it.
func simulatedGame(_ store: Store, world: SandboxWorld, sport: String, gameID: Int) async throws -> (Game, SimulatedGame)? {
    guard let simulatedSport = SandboxSport(rawValue: sport), let game = try await store.games.find(id: gameID) else { return nil }
    let starts = game.scheduledAt.addingTimeInterval(-60)..<game.scheduledAt.addingTimeInterval(60)
    return world.games(simulatedSport, startingIn: starts).first { $0.espnID == game.externalID }.map { (game, $0) }
}

/// Writes every row of `data` (fit, calibration, evaluation) as CSV: the part, the label, the simulator's true
/// home-win probability, the opening and ceiling consensus, then the features in `data.names` order.
func dump(_ data: TrainingData, to path: String, world: SandboxWorld, sport: String, lead: Int, store: Store) async throws {
    var lines = [(["part", "game_id", "label", "truth", "opening", "ceiling"] + data.names).joined(separator: ",")]
    for (part, rows) in [("fit", data.fit), ("calibration", data.calibration), ("evaluation", data.evaluation)] {
        for example in rows {
            guard let (_, simulated) = try await simulatedGame(store, world: world, sport: sport, gameID: example.gameID) else { continue }
            let truth = world.homeWinProbability(simulated)
            let opening = world.consensusHomeWinProbability(simulated, at: simulated.startsAt.addingTimeInterval(-world.marketOpensBeforeStart))
            let ceiling = world.consensusHomeWinProbabilityPricingPublicSignals(simulated, at: simulated.startsAt.addingTimeInterval(-Double(lead) * 60))
            let values = data.names.map { name in example.features[name].map { String($0) } ?? "" }
            lines.append(([part, String(example.gameID), String(example.label), String(truth), String(opening), String(ceiling)] + values).joined(separator: ","))
        }
    }
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}

/// The books' no-vig closing probability of the home side (or the over) at `line`: per book that closed both
/// sides at that line (and the draw, `hasDraw`), its normalised implied probability; the median over books.
func closingProbability(_ store: Store, gameID: Int, betType: BetType, line: Double?, hasDraw: Bool = false) async throws -> Double? {
    guard let market = OddsMarket.key(for: betType) else { return nil }
    let sides = BetOutcome.selections(betType)
    let lines = try await store.closingLines.lines(gameID: gameID).filter { $0.market == market }
    var probabilities: [Double] = []
    for book in Set(lines.map(\.bookmaker)) {
        let quotes = lines.filter { $0.bookmaker == book }
        guard let positive = quotes.first(where: { $0.outcome == sides.positive && matches($0.point, OddsMarket.point(betType: betType, selection: sides.positive, line: line)) }),
            let negative = quotes.first(where: { $0.outcome == sides.negative && matches($0.point, OddsMarket.point(betType: betType, selection: sides.negative, line: line)) }),
            let draw = hasDraw ? quotes.first(where: { $0.outcome == "draw" })?.price : 0,
            let fair = OddsConversion.noVigProbabilities(decimalPrices: [positive.price, negative.price] + (hasDraw ? [draw] : []))
        else { continue }
        probabilities.append(fair[0])
    }
    return LineConsensus.median(probabilities)
}

/// The books' no-vig closing home, draw and away probabilities of a three-way moneyline (`LineConsensus.threeWay`).
func closingThreeWay(_ store: Store, gameID: Int) async throws -> [Double]? {
    let lines = try await store.closingLines.lines(gameID: gameID).filter { $0.market == "h2h" }
    return LineConsensus.threeWay(lines.map { ($0.bookmaker, $0.outcome, $0.price) })
}

func matches(_ point: Double?, _ expected: Double?) -> Bool {
    switch (point, expected) {
    case (nil, nil): true
    case (let a?, let b?): abs(a - b) < 1e-9
    default: false
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
