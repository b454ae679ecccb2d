import Foundation
import ML
import Store

/// Runs a bet type's shadow model of a publication (a challenger whose promotion request awaits review) beside the champion during
/// `predict`: each upcoming game the shadow has not forecast yet, with fresh and complete enough features, is
/// forecast once by the shadow and by the champion from the same moment, and stored in `shadow_forecasts`.
///
/// Nothing here touches `predictions`: a shadow forecast is never published, never a pick, never in the hash chain
/// or the performance reports. The promotion review compares the two on the games as they settle.
struct ShadowForecaster: Sendable {
    let store: Store
    let featureCompleteness: Double

    /// Forecasts `games` with the shadow model of `sport`, `betType` and `publication`, beside `champion` (that
    /// publication's) when there is one;
    /// returns how many forecasts were stored. `featureSets` caches each feature-set version's rows as of `at`.
    func run(
        sport: String, betType: BetType, publication: PredictionPublication, games: [Game], at: Date, champion: (summary: ModelSummary, archive: ModelArchive)?,
        archives: ChampionArchives, featureSets: inout [String: [Int: GameFeatureSet]]
    ) async throws -> Int {
        let shadows = try await store.models.summaries(
            sport: sport, betType: betType, publication: publication, status: .shadow, limit: 1, offset: 0).models
        guard let shadow = shadows.first, let archive = try await archives.archive(of: shadow, in: store) else { return 0 }
        let gameIDs = games.compactMap(\.id)
        let done = try await store.shadowForecasts.forecastGameIDs(modelID: shadow.id, gameIDs: gameIDs)
        let wanted = gameIDs.filter { !done.contains($0) }
        guard !wanted.isEmpty else { return 0 }
        let versions = Set([shadow.featureSetVersion] + (champion.map { [$0.summary.featureSetVersion] } ?? []))
        for version in versions where featureSets[version] == nil {
            featureSets[version] = try await store.gameFeatures.featureSets(gameIDs: gameIDs, featureSetVersion: version, asOf: at)
        }
        var forecasts: [ShadowForecast] = []
        for gameID in wanted {
            // The champion's gates: a game it would not predict is not one to compare on.
            guard let set = featureSets[shadow.featureSetVersion]?[gameID], at.timeIntervalSince(set.asOf) <= Predictor.featureFreshness,
                set.completeness > featureCompleteness
            else { continue }
            let line = BetOutcome.lineFeature(betType).flatMap { set.features[$0] }
            guard betType == .moneyline || line != nil,
                let probability = Self.probability(archive, set), probability.isFinite, (0...1).contains(probability)
            else { continue }
            var championProbability: Double?
            if let champion, let championSet = featureSets[champion.summary.featureSetVersion]?[gameID],
                let p = Self.probability(champion.archive, championSet), p.isFinite, (0...1).contains(p)
            {
                championProbability = p
            }
            forecasts.append(
                ShadowForecast(
                    modelID: shadow.id, gameID: gameID, championID: championProbability == nil ? nil : champion?.summary.id,
                    betType: betType, line: line, probability: probability, championProbability: championProbability, forecastAt: at))
        }
        return try await store.shadowForecasts.insert(forecasts)
    }

    private static func probability(_ archive: ModelArchive, _ set: GameFeatureSet) -> Double? {
        archive.model.predict(TrainingData.dataset([set.features], names: archive.featureNames)).first
    }
}
