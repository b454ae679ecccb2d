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
        /// `psi` is also beyond what chance gives in 99 cases of 100; `unseen` when no training game had a value of it.
        var level: String
        var referenceMean: Double?
        var currentMean: Double?
        var referenceMissing: Double
        var currentMissing: Double
    }

    var modelID: Int
    var featureSetVersion: String
    var publication: PredictionPublication
    /// The model's training games.
    var reference: Window
    /// The games after its training window, up to a day ahead of now.
    var current: Window
    /// Whether both windows hold at least `FeatureDrift.enoughRows` games.
    var enoughGames: Bool
    /// How many features moved significantly (PSI ≥ 0.25).
    var significant: Int
    /// How many features no training game had arrived since (`unseen`).
    var unseen: Int
    var features: [Feature]

    init(model: ModelSummary, sample: ModelDriftSample) {
        modelID = model.id
        featureSetVersion = model.featureSetVersion
        publication = model.publication
        reference = Window(sample.reference)
        current = Window(sample.current)
        let drift = FeatureDrift(reference: sample.reference.sets.map(\.features), current: sample.current.sets.map(\.features))
        features = drift.features.map { feature in
            let psi = feature.stability
            return Feature(
                name: feature.name, psi: psi.index, chancePsi: psi.chanceIndex, level: psi.level.rawValue, referenceMean: psi.referenceMean,
                currentMean: psi.currentMean, referenceMissing: psi.referenceMissing, currentMissing: psi.currentMissing)
        }
        enoughGames = drift.enoughRows
        significant = drift.significant.count
        unseen = drift.unseen.count
    }
}

extension FeatureDriftView.Window {
    init(_ window: ModelDriftSample.Window) {
        self.init(from: window.from, to: window.to, games: window.sets.count)
    }
}
