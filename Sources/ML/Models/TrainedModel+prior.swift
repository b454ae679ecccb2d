extension TrainedModel {
    /// Whether the model forecasts its market prior and nothing else: a learner anchored at weight 0, or an average
    /// whose every weighted member is one.
    var isPriorAlone: Bool {
        switch self {
        case .priorAnchored(let model): model.weight == 0
        case .weightedEnsemble(let model): zip(model.members, model.weights).allSatisfy { $1 == 0 || $0.isPriorAlone }
        default: false
        }
    }
}
