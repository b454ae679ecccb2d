import Store

/// The models the retrain flow registers per sport and bet type: the two learners and their calibrated blend.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    /// The H2O-AutoML equivalent's leader (`train.automl`).
    case automl
    /// The AutoGluon-like multi-layer stack (`train.stack`).
    case stack
    /// The calibrated meta-ensemble of both and a soft-voting ensemble (`calibrate`): the only kind predict uses.
    case meta

    /// The registry name of this kind for a sport, bet type and publication: `nba_spread_meta` on game day (the name
    /// every model had before models were trained per publication), `nba_spread_open_meta` at the open.
    public func modelName(sport: String, betType: BetType, publication: PredictionPublication = .gameDay) -> String {
        switch publication {
        case .gameDay: "\(sport)_\(betType.rawValue)_\(rawValue)"
        case .open: "\(sport)_\(betType.rawValue)_open_\(rawValue)"
        }
    }
}
