import Foundation
import Logging
import ML
import Store

/// Makes the predictions of a sport's upcoming games with each bet type's champion (seed: predict step).
public struct Predictor: Sendable {
    /// Features older than this at prediction time are stale: the game is left for a later run.
    public static let featureFreshness: TimeInterval = 6 * 3_600

    let store: Store
    let stakes: StakePolicy
    let tiers: TierPolicy
    let monitor: ModelMonitor
    let featureCompleteness: Double
    let now: @Sendable () -> Date
    private let archives = ChampionArchives()

    /// A predictor over `store` on the clock `now`; a game whose features are not more than
    /// `featureCompleteness` complete is not predicted.
    public init(
        store: Store, stakes: StakePolicy = .standard, tiers: TierPolicy = .standard, monitor: ModelMonitor? = nil,
        featureCompleteness: Double = QualityThresholds().featureCompleteness, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.stakes = stakes
        self.tiers = tiers
        self.monitor = monitor ?? ModelMonitor(store: store)
        self.featureCompleteness = featureCompleteness
        self.now = now
    }

    /// Predicts the games of `sport` starting within `horizon` seconds.
    public func run(sport: String, horizon: TimeInterval, logger: Logger) async throws -> PredictionRun {
        var run = PredictionRun(sport: sport)
        if try await store.dataQualityChecks.isPredictionBlocked(sport: sport) {
            run.skipped = "a failed data-quality check blocks predictions"
            logger.warning("predictions blocked by data quality", metadata: ["sport": "\(sport)"])
            return run
        }
        let at = now()
        let games = try await store.games.games(sport: sport, from: at, to: at.addingTimeInterval(horizon))
            .filter { $0.status == .scheduled }
        // Read once for every champion: each game's latest prices, and its features per feature-set version.
        let odds = try await store.odds.latest(for: games.compactMap { game in game.id.map { GameAsOf(gameID: $0, asOf: at) } })
        var featureSets: [String: [Int: GameFeatureSet]] = [:]
        var championCount = 0
        for betType in ModelMarkets.betTypes {
            guard let champion = try await store.models.summaries(sport: sport, betType: betType, status: .champion, limit: 1, offset: 0)
                .models.first,
                let archive = try await archives.archive(of: champion, in: store)
            else { continue }
            let modelID = champion.id
            championCount += 1
            if featureSets[champion.featureSetVersion] == nil {
                featureSets[champion.featureSetVersion] = try await store.gameFeatures.featureSets(
                    gameIDs: games.compactMap(\.id), featureSetVersion: champion.featureSetVersion, asOf: at)
            }
            var attempts = 0
            var failures = 0
            var latencies: [Double] = []
            for game in games {
                guard let gameID = game.id else { continue }
                if try await store.predictions.exists(gameID: gameID, modelID: modelID, betType: betType) {
                    run.alreadyPredicted += 1
                    continue
                }
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
                // A spread or total without a consensus line has nothing to be graded against: not the model's fault.
                let line = BetOutcome.lineFeature(betType).flatMap { set.features[$0] }
                guard betType == .moneyline || line != nil else {
                    run.unpredictable += 1
                    continue
                }
                attempts += 1
                let row = TrainingData.dataset([set.features], names: archive.featureNames)
                let timed = ThreadCPUClock.measure { archive.model.predict(row).first }
                if let microseconds = timed.microseconds { latencies.append(microseconds) }
                guard let probability = timed.value, probability.isFinite, probability >= 0, probability <= 1 else {
                    failures += 1
                    logger.error("model gave no usable probability", metadata: ["model_id": "\(modelID)", "game_id": "\(gameID)"])
                    continue
                }
                let components = Self.components(archive.model, row)
                let snapshots = odds[gameID] ?? []
                let sides = BetOutcome.selections(betType)
                var stored = 0
                for (selection, p) in [(sides.positive, probability), (sides.negative, 1 - probability)] {
                    guard let offer = BestPrice.price(in: snapshots, betType: betType, selection: selection, line: line) else { continue }
                    let edge = p - 1 / offer.price
                    var prediction = Prediction(
                        gameID: gameID, modelID: modelID, sport: sport, betType: betType, selection: selection, line: line,
                        probability: p, componentProbabilities: selection == sides.positive ? components : components.mapValues { 1 - $0 },
                        price: offer.price, edge: edge, tier: tiers.tier(edge: edge, probability: p),
                        stake: stakes.stake(probability: p, decimalPrice: offer.price), predictionHash: "")
                    prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
                    try await store.predictions.insert(prediction)
                    stored += 1
                }
                if stored == 0 { run.unpredictable += 1 }
                run.predictions += stored
            }
            let health = ChampionRunHealth(attempts: attempts, failures: failures, latencyMicroseconds: latencies)
            if let rolledBack = try await monitor.check(champion: champion, health: health, logger: logger) {
                run.rolledBack.append(rolledBack)
            }
        }
        if championCount == 0 { run.skipped = "no champion model yet" }
        logger.info(
            "predictions made",
            metadata: [
                "sport": "\(sport)", "stored": "\(run.predictions)", "games": "\(games.count)", "unpredictable": "\(run.unpredictable)",
                "incomplete_features": "\(run.incompleteFeatures)",
            ])
        return run
    }

    /// The AutoML, Stack and voting probabilities inside a calibrated meta model, by member.
    static func components(_ model: TrainedModel, _ row: Dataset) -> [String: Double] {
        var base = model
        if case .calibrated(let calibrated) = model { base = calibrated.base }
        guard case .weightedEnsemble(let blend) = base, blend.members.count == 3 else { return [:] }
        var components: [String: Double] = [:]
        for (name, member) in zip(["automl", "stack", "voting"], blend.members) {
            if let p = member.predict(row).first, p.isFinite { components[name] = p }
        }
        return components
    }
}
