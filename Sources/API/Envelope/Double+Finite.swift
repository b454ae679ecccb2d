/// JSON has no NaN or infinity: a figure that could not be computed is left out of an answer rather than breaking it.
extension Optional<Double> {
    /// The value when it is finite, else nil.
    var finite: Double? { flatMap { $0.isFinite ? $0 : nil } }
}

extension Dictionary where Value == Double {
    /// The entries whose values are finite.
    var finiteValues: [Key: Double] { filter { $0.value.isFinite } }
}
