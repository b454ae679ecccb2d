/// What rolling a champion back did (`ModelRepository.rollBack`).
public enum ModelRollback: Sendable, Equatable {
    /// The champion was retired; the previous champion of its market, if there was one, is champion again.
    case rolledBack(reinstated: Int?)
    /// The model is not a champion (its status), so there is nothing to roll back.
    case notChampion(ModelStatus)
    /// There is no such model.
    case notFound
}
