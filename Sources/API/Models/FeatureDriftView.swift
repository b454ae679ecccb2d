import Foundation
import ML
import Store

/// What `GET /models/{id}/drift` answers: how far each feature's distribution in the games the model predicts now
/// moved from the games it was trained on, as a population stability index (`PopulationStability`), largest first.
///
/// Both sides are the feature sets the model's forecasts see (its publication's, computed before kickoff), so a
/// feature the collectors stopped filling shows up as drift, not as a gap.
struct FeatureDriftView: Encodable, Sendable {
    /// A range of game days and how many games in it had a feature set.
    struct Window: Encodable, Sendable {
        var from: Date
        var to: Date
        var games: Int
    }

    /// One feature's shift; means are nil where a side has no value of it.
    struct Feature: Encodable, Sendable {
        var name: String
        var psi: Double
        /// What two samples of one distribution, of these sizes, score on average.
        var chancePsi: Double
        /// `stable`, `moderate` or `significant` (`PopulationStability.Level`): moderate or significant only when
        /// `psi` is also beyond what chance gives in 99 cases of 100.
        var level: String
        var referenceMean: Double?
        var currentMean: Double?
        var referenceMissing: Double
        var currentMissing: Double
    }

    /// Below this many games on either side a decile holds under ten, and only large shifts stand out from chance.
    static let enoughGames = 100

    var modelID: Int
    var featureSetVersion: String
    var publication: PredictionPublication
    /// The model's training games.
    var reference: Window
    /// The games after its training window, up to a day ahead of now.
    var current: Window
    /// Whether both windows hold at least `enoughGames` games.
    var enoughGames: Bool
    /// How many features moved significantly (PSI ≥ 0.25).
    var significant: Int
    var features: [Feature]

    init(model: ModelSummary, reference: Window, current: Window, referenceSets: [GameFeatureSet], currentSets: [GameFeatureSet]) {
        modelID = model.id
        featureSetVersion = model.featureSetVersion
        publication = model.publication
        self.reference = reference
        self.current = current
        enoughGames = reference.games >= Self.enoughGames && current.games >= Self.enoughGames
        let names = Set(referenceSets.flatMap(\.features.keys)).union(currentSets.flatMap(\.features.keys))
        features = names.compactMap { name in
            guard
                let psi = PopulationStability(
                    reference: referenceSets.map { $0.features[name] }, current: currentSets.map { $0.features[name] })
            else { return nil }
            return Feature(
                name: name, psi: psi.index, chancePsi: psi.chanceIndex, level: psi.level.rawValue, referenceMean: psi.referenceMean, currentMean: psi.currentMean,
                referenceMissing: psi.referenceMissing, currentMissing: psi.currentMissing)
        }
        .sorted { ($0.psi, $1.name) > ($1.psi, $0.name) }
        significant = features.filter { $0.level == PopulationStability.Level.significant.rawValue }.count
    }
}
