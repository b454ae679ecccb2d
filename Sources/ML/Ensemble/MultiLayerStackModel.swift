/// AutoGluon-style stack: each layer's bagged models see the original features plus the previous layer's
/// predictions; the last layer is combined by greedy ensemble-selection weights.
public struct MultiLayerStackModel: Sendable, Equatable, Codable {
    /// The bagged models of each layer.
    public let layers: [[BaggedModel]]
    /// Weights of the last layer's models (summing to 1).
    public let weights: [Double]

    /// The weighted prediction of the last layer.
    public func predict(_ data: Dataset) -> [Double] {
        var input = data
        var predictions = [[Double]]()
        for (index, layer) in layers.enumerated() {
            if index > 0 { input = data.appending(columns: predictions.map { $0.map(Float.init) }, names: Self.columnNames(layer: index, count: predictions.count)) }
            predictions = layer.map { $0.predict(input) }
        }
        var output = [Double](repeating: 0, count: data.rowCount)
        for (p, weight) in zip(predictions, weights) where weight > 0 {
            for i in output.indices { output[i] += weight * p[i] }
        }
        return output
    }

    /// Names of the prediction columns a layer passes on.
    static func columnNames(layer: Int, count: Int) -> [String] {
        (0..<count).map { "stack_L\(layer)_m\($0)" }
    }
}
