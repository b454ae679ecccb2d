import Essentials
import Foundation
import ML
import Store

/// When a prop run serves with the model an earlier run fitted instead of fitting its own.
///
/// A run fits its regression twice (the model, and the held-out evaluation) on every player-game of the history:
/// 81,558 batter-games in `aips dev`, where the hourly run becomes a run a minute and ran past its timeout while
/// calibrations held the cores. The form each prop is priced on is read fresh by every run; only the coefficients
/// are reused, and a day of games moves those little. So a run reuses the newest registered model of its market when
/// that model saw no game after the run's history and missed less than `refitInterval` of it.
enum PropModelReuse {
    /// How much newer than a model's training data the history may be before a run fits again.
    static let refitInterval: TimeInterval = 86_400

    /// `stored` as a `Model` for a run whose newest example started at `newestExample`, or nil when the run must fit:
    /// no model, another feature set or distribution, a retired model, one that saw a game after `newestExample` (a run
    /// for a past day never reads that day's results), one `refitInterval` or more behind, or an archive that does not
    /// hold the model's linear fit.
    static func reusable<Model: PropRegression>(
        _ stored: RegisteredModel?, as model: Model.Type, featureSetVersion: String, newestExample: Date
    ) -> Model? {
        guard let stored, stored.id != nil, stored.status != .retired, stored.featureSetVersion == featureSetVersion,
            stored.hyperparameters["threshold"] == .string(Model.threshold), stored.trainingEnd <= newestExample,
            newestExample.timeIntervalSince(stored.trainingEnd) < refitInterval,
            let archive = try? ModelArchive.decode(Array(stored.artifact)), archive.featureNames == Model.featureNames,
            case .generalizedLinear(let linear) = archive.model
        else { return nil }
        return Model(model: linear, fittedParameters: stored.metrics)
    }
}
