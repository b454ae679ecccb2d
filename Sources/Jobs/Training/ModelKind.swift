import Store

/// The models the retrain flow registers per sport and bet type: the two learners and their calibrated blend.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    /// The H2O-AutoML equivalent's leader (`train.automl`).
    case automl
    /// The AutoGluon-like multi-layer stack (`train.stack`).
    case stack
    /// The calibrated meta-ensemble of both and a soft-voting ensemble (`calibrate`): the only kind predict uses.
    case meta

    /// The registry name of this kind for a sport and bet type (`nba_spread_meta`).
    public func modelName(sport: String, betType: BetType) -> String {
        "\(sport)_\(betType.rawValue)_\(rawValue)"
    }
}
