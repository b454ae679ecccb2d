/// The models one learner fitted on the k training folds; predicts the mean of their probabilities.
public struct BaggedModel: Sendable, Equatable, Codable {
    /// One model per fold.
    public let members: [TrainedModel]

    /// The mean prediction of the fold models.
    public func predict(_ data: Dataset) -> [Double] {
        var total = [Double](repeating: 0, count: data.rowCount)
        for member in members {
            for (i, p) in member.predict(data).enumerated() { total[i] += p }
        }
        return total.map { $0 / Double(max(1, members.count)) }
    }
}
