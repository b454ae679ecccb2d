import Essentials
import Foundation
import Jobs
import Logging
import ML
import Sandbox
import SandboxSupport
import Store
import TestSupport

// The prediction pipeline on a real games CSV or football-data.co.uk season, walk-forward: the file is replayed
// through the sandbox (its market posts the opening line when it opens and moves to the closing line before the
// start), collected by the real collectors, featurized as of a publication time, and for each monthly cutoff of the
// test season the models are trained on everything before the cutoff, calibrated, and used on the month's games at
// that publication time.
// Printed: log loss of the model beside the opening and the closing line on the same games (paired standard
// errors), the share of the open→close gap the model captures, the share of the line's move it foretold (its
// cross-entropy against the closing line's no-vig probability), pooled ECE, and the picks' accuracy, CLV and ROI by
// tier — picks at the best price at publication, CLV against the close that followed; a month whose model's
// out-of-sample picks did not beat the close beyond noise (`PickRecord`) publishes none, and its picks are shown apart as withheld,
// so the bench tells whether withholding them was right. A three-way moneyline (soccer)
// is scored on its binary target (home win against draw or away, as it is trained) and also as the three-way market
// it is: the model's home/draw/away forecast (`BetOutcome.sides`, the rest divided by the meta model's draw share)
// against the opening and closing consensus, by the log loss of the outcome that happened; its picks may be the draw.
//
// Environment: BENCH_FILE (default ../shared/data/real/mlb-2014-2016.csv), BENCH_FORMAT (`games` or `football-data`;
// by default football-data when the header has FTHG, games otherwise), BENCH_TEST_FROM (first day of the test
// season, default 2016-01-01), BENCH_BET_TYPES (default moneyline,total), BENCH_PUBLICATIONS (open and/or close,
// default both), BENCH_MODELS (AutoML models, default 10), BENCH_RUNTIME (AutoML seconds, default 30),
// BENCH_PRESET (stack preset, default medium_quality), BENCH_MONTHS (at most this many test months), BENCH_LEARN
// (`results`: the learners fit the games' results instead of their fair closes).

let environment = ProcessInfo.processInfo.environment
let file = environment["BENCH_FILE"] ?? "../shared/data/real/mlb-2014-2016.csv"
let testFrom = ISO8601DateFormatter().date(from: (environment["BENCH_TEST_FROM"] ?? "2016-01-01") + "T05:00:00Z")!
let betTypes = (environment["BENCH_BET_TYPES"] ?? "moneyline,total").split(separator: ",").compactMap { BetType(rawValue: String($0)) }
let publications = (environment["BENCH_PUBLICATIONS"] ?? "open,close").split(separator: ",").compactMap { Publication(rawValue: String($0)) }
let maximumMonths = Int(environment["BENCH_MONTHS"] ?? "") ?? 12
let baseSettings: TrainingSettings = {
    var settings = TrainingSettings()
    settings.maxModels = Int(environment["BENCH_MODELS"] ?? "") ?? 10
    settings.maxRuntimeSeconds = Double(environment["BENCH_RUNTIME"] ?? "") ?? 30
    settings.preset = TrainingSettings.Preset(rawValue: environment["BENCH_PRESET"] ?? "") ?? .mediumQuality
    settings.learnsFromTheClose = environment["BENCH_LEARN"] != "results"
    return settings
}()
var logger = Logger(label: "replay-bench")
logger.logLevel = .error

/// When a prediction is made: when the market opens, or just before the start (after the line has closed).
enum Publication: String {
    case open, close

    /// Minutes before the start the features are computed as of, for a market that opens `window` before it.
    func leadMinutes(window: TimeInterval) -> Int {
        switch self {
        case .open: Int(window / 60) - 10
        case .close: 20
        }
    }
}

/// US Eastern calendar days and months, the days ESPN's scoreboard and the reports count in.
let easternCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "America/New_York")!
    return calendar
}()

/// `YYYYMMDD` of the Eastern day holding `date`.
func easternDay(_ date: Date) -> String {
    let c = easternCalendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
}

/// Eastern midnight of the first day of the month holding `date`.
func easternMonthStart(_ date: Date) -> Date {
    easternCalendar.date(from: easternCalendar.dateComponents([.year, .month], from: date))!
}

func seconds(since start: ContinuousClock.Instant) -> String {
    let elapsed = start.duration(to: .now).components
    return String(format: "%.1f s", Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
}

/// The file's layout: BENCH_FORMAT, or football-data's when its header names the full-time home goals.
func replayFormat(of file: String) throws -> ReplayFormat {
    if let name = environment["BENCH_FORMAT"] {
        guard let format = ReplayFormat(rawValue: name) else {
            let known = ReplayFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReplayFileError(line: 0, "BENCH_FORMAT \"\(name)\" is not one of \(known)")
        }
        return format
    }
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
    defer { try? handle.close() }
    let start = String(decoding: try handle.read(upToCount: 4_096) ?? Data(), as: UTF8.self)
    let header = start.prefix { !$0.isNewline }.lowercased().split(separator: ",")
    return header.contains("fthg") ? .footballData : .games
}

let format = try replayFormat(of: file)
let world = try ReplayWorld(contentsOf: URL(fileURLWithPath: file), format: format)
guard let firstStart = world.firstStart, let lastStart = world.games.last?.startsAt else {
    print("replay bench: \(file) has no games")
    exit(1)
}
let sports = Set(world.games.map(\.league.code)).sorted()
let window = world.marketOpensBeforeStart

// A database of its own.
let store = try await TestServers.migratedStore("replay_bench", logger: logger)

let end = lastStart.addingTimeInterval(2 * 86_400)
let sandbox = SandboxServer(
    configuration: SandboxConfiguration(
        seed: 42, start: end, speed: 0, oddsAPIRequestsPerWindow: 1_000_000, marketOpensBeforeStart: window, replay: world),
    logger: logger)
try await sandbox.withRunning { running in
    let clock = running.clock
    let configuration = CollectorConfiguration.sandbox(running, sports: sports)
    let upstream = UpstreamClient()
    let gamesCollector = GamesCollector(configuration: configuration, store: store, upstream: upstream)
    let oddsCollector = OddsCollector(configuration: configuration, store: store, upstream: upstream)

    print("replay benchmark: \(world.games.count) games of \(sports.joined(separator: ", ")) from \(file) (\(format.rawValue))")
    print("  \(firstStart.formatted(.iso8601.year().month().day())) … \(lastStart.formatted(.iso8601.year().month().day())); market opens \(Int(window / 3600)) h before the start; test season from \(testFrom.formatted(.iso8601.year().month().day()))")

    // Games: ESPN's scoreboard for every Eastern day with a game.
    var started = ContinuousClock.now
    for sport in sports {
        let days = Set(world.games.filter { $0.league.code == sport }.map { easternDay($0.startsAt) }).sorted()
        for (index, day) in days.enumerated() {
            _ = try await gamesCollector.collect(
                CollectGames(sport: sport, dates: [day], isBackfill: true), jobID: "replay/games/\(sport)/\(index)", logger: logger)
        }
    }
    print("games collected: \(seconds(since: started))")

    // Odds: The Odds API's historical snapshots just after each game's market opens and half an hour before its
    // start, so the stored history holds every opening and every closing line.
    started = ContinuousClock.now
    var snapshots = 0
    for sport in sports {
        let times = Set(
            world.games.filter { $0.league.code == sport }.flatMap { game in
                [game.startsAt.addingTimeInterval(-window + 300), game.startsAt.addingTimeInterval(-1_800)]
            }
        ).sorted()
        for (index, time) in times.enumerated() {
            let result = try await oddsCollector.collect(
                CollectOdds(sport: sport, snapshotAt: time, isBackfill: true, includeScores: false), jobID: "replay/odds/\(sport)/\(index)",
                logger: logger)
            snapshots += result.snapshotsWritten
        }
    }
    print("odds collected: \(snapshots) prices, \(seconds(since: started))")

    // Cutoffs: the first day of each month of the test season that has games.
    let testGames = world.games.filter { $0.startsAt >= testFrom }
    let months = Set(testGames.map { easternMonthStart($0.startsAt) }).sorted().prefix(maximumMonths)
    for publication in publications {
        started = ContinuousClock.now
        let lead = publication.leadMinutes(window: window)
        for sport in sports {
            var from = firstStart.addingTimeInterval(-86_400)
            while from < end {
                let to = min(end, from.addingTimeInterval(Double(Featurize.maximumDays - 1) * 86_400))
                _ = try await Featurizer(store: store, now: { clock.now }).run(
                    sport: sport, Featurize(sport: sport, from: from, to: to, leadMinutes: lead), logger: logger)
                from = to
            }
        }
        print("")
        print("== published \(publication == .open ? "when the market opens" : "20 minutes before the start, after the close") (features as of \(lead) min before the start; featurize \(seconds(since: started)))")
        for sport in sports {
            for betType in betTypes {
                var scored = ScoredGames()
                var trainSeconds = 0.0
                for (index, month) in months.enumerated() {
                    let next = index + 1 < months.count ? months[months.index(months.startIndex, offsetBy: index + 1)] : end
                    var settings = baseSettings
                    settings.trainingWindowDays = Int(month.timeIntervalSince(firstStart) / 86_400) + 2
                    settings.validationWindowDays = validationDays(before: month, starts: world.games.filter { $0.league.code == sport }.map(\.startsAt))
                    let trainStart = ContinuousClock.now
                    var skipped: [String] = []
                    for kind in [ModelKind.automl, .stack] {
                        let outcome = try await ModelTrainer(store: store).train(
                            kind, sport: sport, betType: betType, end: month, featureSetVersion: FeatureCatalog.version, settings: settings,
                            effectID: "replay/\(publication)/\(kind)/\(sport)/\(betType)/\(index)", logger: logger)
                        if let reason = outcome.skipped { skipped.append("\(kind): \(reason)") }
                    }
                    // The replay measures the models, not the review: a model that passes is promoted at once.
                    let calibrated = try await ModelCalibrator(store: store, promotion: .automatic).calibrate(
                        sport: sport, betType: betType, thresholds: PromotionThresholds(),
                        effectID: "replay/\(publication)/meta/\(sport)/\(betType)/\(index)", logger: logger)
                    let elapsed = trainStart.duration(to: .now).components
                    trainSeconds += Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
                    guard let meta = try await store.models.latest(name: ModelKind.meta.modelName(sport: sport, betType: betType)),
                        meta.trainingEnd == month
                    else {
                        skipped += calibrated.skipped.map { ["calibrate: \($0)"] } ?? []
                        print("  \(sport) \(betType) cutoff \(easternDay(month)): no calibrated model (\(skipped.joined(separator: "; ")))")
                        continue
                    }
                    // The platform publishes a model's picks only while its out-of-sample picks beat the close beyond noise.
                    let publishesPicks = ModelPickRecord.allowsPicks(meta.metrics)
                    let departures = [PooledEvaluation.Metric.trainingDepartures, PooledEvaluation.Metric.evaluationDepartures].compactMap { meta.metrics[$0] }.reduce(0, +)
                    if meta.metrics[PickRecord.Metric.picks] == 0, departures == 0 {
                        print("  \(sport) \(betType.rawValue) cutoff \(easternDay(month)): the model is the market on its pooled games (no departure of half a point), so no pick to record")
                    } else if let withClose = meta.metrics[PickRecord.Metric.withClose], withClose == 0 {
                        print(
                            "  \(sport) \(betType.rawValue) cutoff \(easternDay(month)): no pooled out-of-sample pick with a close, so no record: picks "
                                + (publishesPicks ? "published" : "withheld"))
                    } else if let withClose = meta.metrics[PickRecord.Metric.withClose], let fair = meta.metrics[PickRecord.Metric.fairCLV] {
                        print(
                            String(
                                format: "  %@ %@ cutoff %@: pooled out-of-sample picks %.0f (%.0f with a fair close), CLV against the fair close %+.2f %% ± %.2f (closing prices %+.2f %%): picks %@",
                                sport, betType.rawValue, easternDay(month), meta.metrics[PickRecord.Metric.picks] ?? 0, withClose, 100 * fair,
                                100 * (meta.metrics[PickRecord.Metric.fairCLVStandardError] ?? .nan), 100 * (meta.metrics[PickRecord.Metric.clv] ?? .nan),
                                publishesPicks ? "published" : "withheld"))
                    }
                    try await scored.score(
                        archive: try ModelArchive.decode(Array(meta.artifact)), featureSetVersion: meta.featureSetVersion, sport: sport,
                        betType: betType, from: month, to: next, store: store, publishesPicks: publishesPicks)
                }
                scored.report(sport: sport, betType: betType, trainSeconds: trainSeconds, cutoffs: months.count)
            }
        }
    }
}
await store.shutdown()

/// The fewest days before `cutoff` that hold at least BENCH_VALIDATION_GAMES (default 400) of the sport's games, so the calibrator has a
/// validation window even at the start of a season. With fewer games than that before the cutoff (one Premier League season
/// has 380), the days holding the latest third of them: 30 days of a league that plays ten games a week can hold too few
/// to calibrate on (the EPL's March 2025, with an international break, held 18).
@Sendable func validationDays(before cutoff: Date, starts: [Date]) -> Int {
    let starts = starts.filter { $0 < cutoff }.sorted(by: >)
    let wanted = Int(ProcessInfo.processInfo.environment["BENCH_VALIDATION_GAMES"] ?? "") ?? 400
    guard wanted > 0 else { return 30 }
    let held = starts.count >= wanted ? wanted : starts.count / 3
    guard held > 0 else { return 30 }
    return max(2, Int(cutoff.timeIntervalSince(starts[held - 1]) / 86_400) + 1)
}

/// One bet type's test games, scored: the model, the opening and closing lines, the label, and the pick if any.
struct ScoredGames {
    var labels: [Double] = []
    var model: [Double] = []
    var opening: [Double] = []
    var closing: [Double] = []
    var picks: [Pick] = []
    /// The picks the model would have made in months whose model's out-of-sample record withheld them (`PickRecord`).
    var withheld: [Pick] = []
    /// A three-way moneyline's games: the probability each forecast gave the outcome that happened.
    var threeWay: (model: [Double], opening: [Double], closing: [Double]) = ([], [], [])

    struct Pick {
        var tier: SignalTier
        var won: Bool?
        var profit: Double
        var clv: Double?
        /// Against the fair close (`ClosingConsensus.fairPrice`): what the pick returns on average if the close, less its
        /// margin, was right.
        var fairCLV: Double?
    }

    /// Scores the games of `sport` starting in `from..<to` with `archive`, using each game's latest feature set
    /// before its start (the publication's) and the prices stored as of that moment.
    mutating func score(
        archive: ModelArchive, featureSetVersion: String, sport: String, betType: BetType, from: Date, to: Date, store: Store,
        publishesPicks: Bool
    ) async throws {
        let games = try await store.games.games(sport: sport, from: from, to: to).filter { $0.status == .final && $0.id != nil }
        let sets = try await store.gameFeatures.featureSets(
            gameIDs: games.map { $0.id! }, featureSetVersion: featureSetVersion, asOf: to)
        let prices = try await store.odds.latest(
            for: games.compactMap { game in sets[game.id!].map { GameAsOf(gameID: game.id!, asOf: $0.asOf) } })
        let selections = BetOutcome.selections(betType)
        // Soccer's moneyline: the model's home win against draw or away, the draw its own side at the books.
        let isThreeWay = CollectedSport.hasDraw(sport) && betType == .moneyline
        let drawShare = DrawShareModel(archive: archive)
        for game in games {
            guard let set = sets[game.id!], set.asOf < game.scheduledAt, let home = game.homeScore, let away = game.awayScore,
                let label = BetOutcome.label(betType, homeScore: home, awayScore: away, features: set.features, threeWay: isThreeWay),
                let p = archive.model.predict(TrainingData.dataset([set.features], names: archive.featureNames)).first, p.isFinite,
                let sides = BetOutcome.sides(betType, threeWay: isThreeWay, probability: p, features: set.features, drawShare: drawShare)
            else { continue }
            let line = BetOutcome.lineFeature(betType).flatMap { set.features[$0] }
            let offered = prices[game.id!] ?? []
            let closingLines = try await store.closingLines.lines(gameID: game.id!)
            let offeredQuotes = offered.map { ($0.bookmaker, $0.market, $0.outcome, $0.price, $0.point) }
            let closingQuotes = closingLines.map { ($0.bookmaker, $0.market, $0.outcome, $0.price, $0.point) }
            guard let open = Self.noVig(offeredQuotes, betType, line, threeWay: isThreeWay),
                let close = Self.noVig(closingQuotes, betType, line, threeWay: isThreeWay)
            else { continue }
            labels.append(label)
            model.append(p)
            opening.append(open)
            closing.append(close)
            let winner: String
            if isThreeWay {
                let outcome = home > away ? 0 : home == away ? 1 : 2
                winner = ["home", "draw", "away"][outcome]
                if let openThreeWay = Self.threeWay(offeredQuotes), let closeThreeWay = Self.threeWay(closingQuotes) {
                    threeWay.model.append(sides[outcome].probability)
                    threeWay.opening.append(openThreeWay[outcome])
                    threeWay.closing.append(closeThreeWay[outcome])
                }
            } else {
                winner = label == 1 ? selections.positive : selections.negative
            }
            // The pick: the side with the largest edge at the best price, if it clears tier C.
            var best: (selection: String, p: Double, price: Double, edge: Double)?
            for (selection, q) in sides {
                guard let offer = BestPrice.price(in: offered, betType: betType, selection: selection, line: line) else { continue }
                let edge = q - 1 / offer.price
                if edge >= TierPolicy.standard.thresholds.last!.minimumEdge, edge > (best?.edge ?? -1) {
                    best = (selection, q, offer.price, edge)
                }
            }
            guard let pick = best else { continue }
            let won = pick.selection == winner
            // Against the books' closing consensus, as settlement measures the platform's picks.
            let closingPrice = ClosingConsensus.price(gameID: game.id!, betType: betType, selection: pick.selection, line: line, in: closingLines)
            let fairPrice = ClosingConsensus.fairPrice(gameID: game.id!, betType: betType, selection: pick.selection, line: line, in: closingLines)
            let made = Pick(
                tier: TierPolicy.standard.tier(edge: pick.edge, probability: pick.p), won: won, profit: won ? pick.price - 1 : -1,
                clv: closingPrice.flatMap { ClosingLineValue.of(price: pick.price, closingPrice: $0) },
                fairCLV: fairPrice.flatMap { ClosingLineValue.of(price: pick.price, closingPrice: $0) })
            if publishesPicks { picks.append(made) } else { withheld.append(made) }
        }
    }

    /// The median over books of each book's no-vig probability of the positive side at `line`; of a three-way
    /// moneyline (`threeWay`), the home win's with the draw's price in the book's overround.
    static func noVig(
        _ quotes: [(book: String, market: String, outcome: String, price: Double, point: Double?)], _ betType: BetType, _ line: Double?,
        threeWay: Bool = false
    ) -> Double? {
        guard let market = OddsMarket.key(for: betType) else { return nil }
        let sides = BetOutcome.selections(betType)
        var probabilities: [Double] = []
        for book in Set(quotes.map(\.book)) {
            let mine = quotes.filter { $0.book == book && $0.market == market }
            guard
                let positive = mine.first(where: {
                    $0.outcome == sides.positive && same($0.point, OddsMarket.point(betType: betType, selection: sides.positive, line: line))
                }),
                let negative = mine.first(where: {
                    $0.outcome == sides.negative && same($0.point, OddsMarket.point(betType: betType, selection: sides.negative, line: line))
                }),
                let draw = threeWay ? mine.first(where: { $0.outcome == "draw" })?.price : 0,
                let fair = OddsConversion.noVigProbabilities(decimalPrices: [positive.price, negative.price] + (threeWay ? [draw] : []))
            else { continue }
            probabilities.append(fair[0])
        }
        return LineConsensus.median(probabilities)
    }

    /// The three-way consensus (`LineConsensus.threeWay`) of `quotes`' `h2h` prices.
    static func threeWay(_ quotes: [(book: String, market: String, outcome: String, price: Double, point: Double?)]) -> [Double]? {
        LineConsensus.threeWay(quotes.filter { $0.market == "h2h" }.map { ($0.book, $0.outcome, $0.price) })
    }

    static func same(_ point: Double?, _ expected: Double?) -> Bool {
        switch (point, expected) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-9
        default: false
        }
    }

    func report(sport: String, betType: BetType, trainSeconds: Double, cutoffs: Int) {
        guard !labels.isEmpty else {
            print("\(sport) \(betType.rawValue): no scored games (a total whose line moved between open and close is not comparable)")
            return
        }
        func losses(_ p: [Double]) -> [Double] {
            zip(labels, p).map { y, q in
                let q = min(max(q, 1e-15), 1 - 1e-15)
                return -(y * log(q) + (1 - y) * log(1 - q))
            }
        }
        let (m, o, c) = (losses(model), losses(opening), losses(closing))
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func pairedSE(_ a: [Double], _ b: [Double]) -> Double {
            let d = zip(a, b).map(-)
            let mu = mean(d)
            return (d.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(max(1, d.count - 1))).squareRoot() / Double(d.count).squareRoot()
        }
        let gap = mean(o) - mean(c)
        let captured = gap > 0 ? (mean(o) - mean(m)) / gap : .nan
        print(
            String(
                format: "%@ %@  games %d (%d cutoffs, train+calibrate %.0f s)\n  log loss: model %.4f  opening %.4f  closing %.4f   model−opening %+.4f ± %.4f   model−closing %+.4f ± %.4f",
                sport, betType.rawValue, labels.count, cutoffs, trainSeconds, mean(m), mean(o), mean(c), mean(m) - mean(o), pairedSE(m, o),
                mean(m) - mean(c), pairedSE(m, c)))
        print(
            String(
                format: "  open→close gap %.4f; the model captures %@ of it;  AUC model %.4f opening %.4f closing %.4f;  pooled ECE model %.4f (opening %.4f)",
                gap, captured.isFinite ? String(format: "%+.0f %%", 100 * captured) : "–", BinaryMetrics.auc(labels: labels, scores: model),
                BinaryMetrics.auc(labels: labels, scores: opening), BinaryMetrics.auc(labels: labels, scores: closing),
                Self.ece(model, labels), Self.ece(opening, labels)))
        // Against the closing line's no-vig probability instead of the result: free of the results' noise, the share of
        // the line's move the model foretold (the closing line 100 %, the opening line 0 %), as the reference prints it.
        func crossEntropies(_ p: [Double]) -> [Double] {
            zip(closing, p).map { c, q in
                let q = min(max(q, 1e-15), 1 - 1e-15)
                return -(c * log(q) + (1 - c) * log(1 - q))
            }
        }
        let (xm, xo, xc) = (crossEntropies(model), crossEntropies(opening), crossEntropies(closing))
        let move = mean(xo) - mean(xc)
        // Published at the close, the line has no move left to foretell.
        let foretold = move > 1e-9 ? String(format: "%+.1f %% ± %.1f", 100 * (mean(xo) - mean(xm)) / move, 100 * pairedSE(xm, xo) / move) : "–"
        print(
            String(
                format: "  against the close: cross-entropy model %.5f  opening %.5f  closing %.5f;  the model foretells %@ of the line's move",
                mean(xm), mean(xo), mean(xc), foretold))
        if !threeWay.model.isEmpty {
            // The log loss of the outcome that happened, as the pipeline bench scores three-way markets.
            func outcomeLosses(_ p: [Double]) -> [Double] { p.map { -log(max($0, 1e-15)) } }
            let (tm, to, tc) = (outcomeLosses(threeWay.model), outcomeLosses(threeWay.opening), outcomeLosses(threeWay.closing))
            print(
                String(
                    format: "  three-way (home/draw/away) log loss on %d games: model %.4f  opening %.4f  closing %.4f   model−opening %+.4f ± %.4f   model−closing %+.4f ± %.4f",
                    tm.count, mean(tm), mean(to), mean(tc), mean(tm) - mean(to), pairedSE(tm, to), mean(tm) - mean(tc), pairedSE(tm, tc)))
        }
        var rows: [(String, [Pick])] = [("all", picks)]
        for tier in [SignalTier.a, .b, .c] { rows.append((tier.rawValue, picks.filter { $0.tier == tier })) }
        if !withheld.isEmpty { rows.append(("withheld by the record (not published)", withheld)) }
        for (name, group) in rows {
            guard !group.isEmpty else {
                print("  picks \(name): none")
                continue
            }
            let wins = group.filter { $0.won == true }.count
            let profits = group.map(\.profit)
            func meanAndSE(_ values: [Double]) -> (Double, Double) {
                guard !values.isEmpty else { return (.nan, .nan) }
                let m = mean(values)
                guard values.count > 1 else { return (m, .nan) }
                return (m, (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot() / Double(values.count).squareRoot())
            }
            /// A mean in percent with its standard error, which one value does not have.
            func percent(_ values: [Double], digits: Int) -> String {
                let (m, se) = meanAndSE(values)
                let mean = String(format: "%+.\(digits)f %%", 100 * m)
                return se.isNaN ? mean + " (no error from \(values.count))" : mean + String(format: " ± %.\(digits)f", 100 * se)
            }
            print(
                String(
                    format: "  picks %@: %d (%.0f %% of games)  accuracy %.3f  mean CLV %@ (fair close %@)  flat-stake ROI %@", name,
                    group.count, 100 * Double(group.count) / Double(labels.count), Double(wins) / Double(group.count),
                    percent(group.compactMap(\.clv), digits: 2), percent(group.compactMap(\.fairCLV), digits: 2),
                    percent(profits, digits: 1)))
        }
    }

    /// Plain ECE: ten equal-width bins, each bin's |mean forecast − observed rate| weighted by its share of games.
    static func ece(_ p: [Double], _ y: [Double]) -> Double {
        var sums = [(p: Double, y: Double, n: Double)](repeating: (0, 0, 0), count: 10)
        for (q, label) in zip(p, y) {
            let bin = min(9, max(0, Int(q * 10)))
            sums[bin].p += q
            sums[bin].y += label
            sums[bin].n += 1
        }
        return sums.filter { $0.n > 0 }.reduce(0) { $0 + $1.n / Double(p.count) * abs($1.p / $1.n - $1.y / $1.n) }
    }
}
