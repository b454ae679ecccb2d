/// A weighted average of member predictions; weights are non-negative and sum to 1.
public struct WeightedEnsembleModel: Sendable, Equatable, Codable {
    /// The members.
    public let members: [TrainedModel]
    /// One weight per member.
    public let weights: [Double]

    /// Members and weights (normalized to sum to 1).
    public init(members: [TrainedModel], weights: [Double]) {
        precondition(members.count == weights.count && !members.isEmpty && weights.allSatisfy { $0 >= 0 })
        let total = weights.reduce(0, +)
        self.members = members
        self.weights = total > 0 ? weights.map { $0 / total } : Array(repeating: 1 / Double(weights.count), count: weights.count)
    }

    /// The weighted mean of member predictions.
    public func predict(_ data: Dataset) -> [Double] {
        var total = [Double](repeating: 0, count: data.rowCount)
        for (member, weight) in zip(members, weights) where weight > 0 {
            for (i, p) in member.predict(data).enumerated() { total[i] += weight * p }
        }
        return total
    }
}
