import Foundation
import Logging
import ML
import Store

/// Publishes the forecasts and picks of a sport's upcoming games with each bet type's champions (seed: predict step).
///
/// Each due publication (`PublicationPolicy`: market open, game day) of a game's market stores one forecast row, made
/// by that publication's champion (the other's when it has none),
/// at whole-second `published_at`. When `PickSelector` finds a side worth betting at the best price the books
/// offer, and the champion's out-of-sample picks beat the close (`PickRecord`), the row is that pick (selection,
/// price, book, edge, tier, stake); otherwise it carries the positive side's probability and stakes nothing. A market without any price is not published yet: its market has not
/// opened.
///
/// A bet type's shadow model, when one awaits review, forecasts the same games beside the champion without
/// publishing (`ShadowForecaster`).
public struct Predictor: Sendable {
    /// Features older than this at prediction time are stale: the game is left for a later run.
    public static let featureFreshness: TimeInterval = 6 * 3_600

    let store: Store
    let picks: PickSelector
    let publication: PublicationPolicy
    let monitor: ModelMonitor
    let featureCompleteness: Double
    let now: @Sendable () -> Date
    private let archives = ChampionArchives()
    private let shadows: ShadowForecaster

    /// A predictor over `store` on the clock `now`, choosing picks with `picks` and publishing on `publication`;
    /// a game whose features are not more than `featureCompleteness` complete is not predicted.
    public init(
        store: Store, picks: PickSelector = .standard, publication: PublicationPolicy = .standard, monitor: ModelMonitor? = nil,
        featureCompleteness: Double = QualityThresholds().featureCompleteness, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.picks = picks
        self.publication = publication
        self.monitor = monitor ?? ModelMonitor(store: store)
        self.featureCompleteness = featureCompleteness
        self.now = now
        self.shadows = ShadowForecaster(store: store, featureCompleteness: featureCompleteness)
    }

    /// Predicts the games of `sport` starting within `horizon` seconds; of those, only `gameIDs` when given.
    public func run(sport: String, horizon: TimeInterval, gameIDs: Set<Int>? = nil, logger: Logger) async throws -> PredictionRun {
        var run = PredictionRun(sport: sport)
        if try await store.dataQualityChecks.isPredictionBlocked(sport: sport) {
            run.skipped = "a failed data-quality check blocks predictions"
            logger.warning("predictions blocked by data quality", metadata: ["sport": "\(sport)"])
            return run
        }
        let at = now()
        // Published on whole seconds, so the hashed time reads back from the database exactly.
        let publishedAt = Date(timeIntervalSince1970: (at.timeIntervalSince1970).rounded(.down))
        let games = try await store.games.games(sport: sport, from: at, to: at.addingTimeInterval(horizon))
            .filter { game in game.status == .scheduled && (gameIDs == nil || gameIDs?.contains(game.id ?? 0) == true) }
        // Read once for every champion: each game's latest prices, and its features per feature-set version.
        let odds = try await store.odds.latest(for: games.compactMap { game in game.id.map { GameAsOf(gameID: $0, asOf: at) } })
        var featureSets: [String: [Int: GameFeatureSet]] = [:]
        var championCount = 0
        let threeWay = CollectedSport.hasDraw(sport)
        for betType in ModelMarkets.betTypes {
            try Task.checkCancellation()
            var served: [PredictionPublication: Serving] = [:]
            for publication in PredictionPublication.allCases {
                let champion = try await store.models.summaries(
                    sport: sport, betType: betType, publication: publication, status: .champion, limit: 1, offset: 0
                ).models.first
                var archive: ModelArchive?
                if let champion { archive = try await archives.archive(of: champion, in: store) }
                // A shadow runs without a champion too: the first model of a market also waits for review. A shadow that
                // fails is logged and left: what is under review must never stop the champion publishing.
                do {
                    run.shadowForecasts += try await shadows.run(
                        sport: sport, betType: betType, publication: publication, games: games, at: at,
                        champion: champion.flatMap { c in archive.map { (summary: c, archive: $0) } }, archives: archives,
                        featureSets: &featureSets)
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    logger.error(
                        "shadow forecasts failed",
                        metadata: [
                            "sport": "\(sport)", "bet_type": "\(betType.rawValue)", "publication": "\(publication.rawValue)",
                            "error": "\(error)",
                        ])
                }
                if let champion, let archive { served[publication] = Serving(champion: champion, archive: archive) }
            }
            // A publication without a champion of its own is served by the other's: the game-day model published both
            // before each publication had its models, and its forecast is better than none.
            for publication in PredictionPublication.allCases where served[publication] == nil {
                served[publication] = served.values.first
            }
            guard !served.isEmpty else { continue }
            let champions = Dictionary(served.values.map { ($0.champion.id, $0) }, uniquingKeysWith: { first, _ in first })
            championCount += champions.count
            for serving in champions.values where featureSets[serving.champion.featureSetVersion] == nil {
                featureSets[serving.champion.featureSetVersion] = try await store.gameFeatures.featureSets(
                    gameIDs: games.compactMap(\.id), featureSetVersion: serving.champion.featureSetVersion, asOf: at)
            }
            var health: [Int: ChampionRunHealth] = [:]
            var latencies: [Double] = []
            // Each publication of a game's market is made once, by whichever champion served it: one that takes over later
            // (promoted, reinstated, or a publication's first own champion) does not publish at the open hours after it.
            let published = try await store.predictions.publications(gameIDs: games.compactMap(\.id), betType: betType)
            for game in games {
                guard let gameID = game.id else { continue }
                guard let due = publication.due(at: at, gameStart: game.scheduledAt, published: published[gameID] ?? []),
                    let serving = served[due]
                else {
                    run.alreadyPredicted += 1
                    continue
                }
                let (champion, archive, drawShare) = (serving.champion, serving.archive, serving.drawShare)
                let modelID = champion.id
                guard let set = featureSets[champion.featureSetVersion]?[gameID],
                    at.timeIntervalSince(set.asOf) <= Self.featureFreshness
                else {
                    run.unpredictable += 1
                    continue
                }
                // The seed's gate, per game: one game's thin features hold back that game, not the sport.
                guard set.completeness > featureCompleteness else {
                    run.incompleteFeatures += 1
                    continue
                }
                guard !LineDrift.isStale(features: set.features, snapshots: odds[gameID] ?? [], threeWay: threeWay) else {
                    run.staleLines += 1
                    continue
                }
                // A spread or total without a consensus line has nothing to be graded against: not the model's fault.
                let line = BetOutcome.lineFeature(betType).flatMap { set.features[$0] }
                guard betType == .moneyline || line != nil else {
                    run.unpredictable += 1
                    continue
                }
                health[modelID, default: ChampionRunHealth(attempts: 0, failures: 0)].attempts += 1
                let row = TrainingData.dataset([set.features], names: archive.featureNames)
                let timed = ThreadCPUClock.measure { archive.model.predict(row).first }
                if let microseconds = timed.microseconds {
                    latencies.append(microseconds)
                    health[modelID]!.latencyMicroseconds.append(microseconds)
                }
                guard let probability = timed.value, probability.isFinite, probability >= 0, probability <= 1 else {
                    health[modelID]!.failures += 1
                    logger.error("model gave no usable probability", metadata: ["model_id": "\(modelID)", "game_id": "\(gameID)"])
                    continue
                }
                // A three-way market without a draw price has no market to split the home side's rest by.
                guard
                    let probabilities = BetOutcome.sides(
                        betType, threeWay: threeWay, probability: probability, features: set.features, drawShare: drawShare)
                else {
                    run.unpredictable += 1
                    continue
                }
                let snapshots = odds[gameID] ?? []
                let sides = probabilities.map { selection, p in
                    let offer = BestPrice.price(in: snapshots, betType: betType, selection: selection, line: line)
                    return PickSelector.Side(selection: selection, probability: p, price: offer?.price, bookmaker: offer?.bookmaker)
                }
                // No book prices either side: the market has not opened, so there is nothing to publish yet.
                guard sides.contains(where: { $0.price != nil }) else {
                    run.unpredictable += 1
                    continue
                }
                // A champion whose out-of-sample picks did not beat the close beyond noise publishes its forecast without a pick.
                var pick = picks.pick(sides)
                if pick != nil && !ModelPickRecord.allowsPicks(champion.metrics) {
                    pick = nil
                    run.picksWithheld += 1
                }
                let side = pick?.side ?? sides[0]
                let edge = pick?.edge ?? side.edge ?? 0
                var prediction = Prediction(
                    gameID: gameID, modelID: modelID, sport: sport, betType: betType, selection: side.selection, line: line,
                    probability: side.probability,
                    componentProbabilities: Self.components(archive.model, row).compactMapValues { member in
                        BetOutcome.sides(betType, threeWay: threeWay, probability: member, features: set.features, drawShare: drawShare)?
                            .first { $0.selection == side.selection }?.probability
                    },
                    price: side.price, edge: edge, tier: pick?.tier ?? picks.tiers.tier(edge: edge, probability: side.probability),
                    stake: pick?.stake ?? 0, pick: pick != nil, bookmaker: side.bookmaker, publication: due, publishedAt: publishedAt,
                    hashVersion: PredictionFingerprint.currentVersion, predictionHash: "")
                prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
                // Another run racing this one may have made the same publication first; its row stands.
                guard try await store.predictions.insert(prediction) != nil else {
                    run.alreadyPredicted += 1
                    continue
                }
                run.predictions += 1
                if pick != nil { run.picks += 1 }
            }
            PredictionMetrics.inference(sport: sport, betType: betType.rawValue, microseconds: latencies)
            for (modelID, serving) in champions.sorted(by: { $0.key < $1.key }) {
                let health = health[modelID] ?? ChampionRunHealth(attempts: 0, failures: 0)
                if let rolledBack = try await monitor.check(champion: serving.champion, health: health, logger: logger) {
                    run.rolledBack.append(rolledBack)
                }
            }
        }
        if championCount == 0 { run.skipped = "no champion model yet" }
        PredictionMetrics.finished(run, champions: championCount)
        logger.info(
            "predictions made",
            metadata: [
                "sport": "\(sport)", "stored": "\(run.predictions)", "picks": "\(run.picks)", "picks_withheld": "\(run.picksWithheld)", "games": "\(games.count)", "unpredictable": "\(run.unpredictable)", "stale_lines": "\(run.staleLines)",
                "incomplete_features": "\(run.incompleteFeatures)",
            ])
        return run
    }

    /// A publication's champion as `predict` serves it. A three-way moneyline's champion carries a draw share model
    /// only where it beat the market's share.
    private struct Serving {
        var champion: ModelSummary
        var archive: ModelArchive
        var drawShare: DrawShareModel?

        init(champion: ModelSummary, archive: ModelArchive) {
            self.champion = champion
            self.archive = archive
            drawShare = DrawShareModel(archive: archive)
        }
    }

    /// The AutoML, Stack and voting probabilities inside a calibrated meta model, by member (also when the model serves
    /// the market's probability instead: what its members said).
    static func components(_ model: TrainedModel, _ row: Dataset) -> [String: Double] {
        var base = model
        if case .priorAnchored(let anchored) = base { base = anchored.learner }
        if case .calibrated(let calibrated) = base { base = calibrated.base }
        guard case .weightedEnsemble(let blend) = base, blend.members.count == 3 else { return [:] }
        var components: [String: Double] = [:]
        for (name, member) in zip(["automl", "stack", "voting"], blend.members) {
            if let p = member.predict(row).first, p.isFinite { components[name] = p }
        }
        return components
    }
}
