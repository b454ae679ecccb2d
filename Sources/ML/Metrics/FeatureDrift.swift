/// How far each feature of a current sample of rows moved from a reference sample (a model's training rows), one
/// ``PopulationStability`` per feature named in either sample, largest index first.
public struct FeatureDrift: Sendable {
    /// One feature's shift.
    public struct Feature: Sendable, Equatable {
        public var name: String
        public var stability: PopulationStability
    }

    /// Rows each sample needs before a finding means much: below it a decile holds under ten rows, and only large
    /// shifts stand out from chance.
    public static let enoughRows = 100

    /// Every feature, largest index first (ties by name).
    public var features: [Feature]
    /// Whether both samples hold at least ``enoughRows`` rows.
    public var enoughRows: Bool

    /// The features whose shift is significant and beyond chance.
    public var significant: [Feature] { features.filter { $0.stability.level == .significant } }
    /// The features no reference row had that the current sample has (``PopulationStability/Level/unseen``).
    public var unseen: [Feature] { features.filter { $0.stability.level == .unseen } }

    /// Compares `current` with `reference`, feature by feature; a row without a feature counts as missing it. Empty
    /// when either sample is.
    public init(reference: [[String: Double]], current: [[String: Double]]) {
        enoughRows = reference.count >= Self.enoughRows && current.count >= Self.enoughRows
        let names = Set(reference.flatMap(\.keys)).union(current.flatMap(\.keys))
        features = names.compactMap { name in
            PopulationStability(reference: reference.map { $0[name] }, current: current.map { $0[name] }).map {
                Feature(name: name, stability: $0)
            }
        }
        .sorted { ($0.stability.index, $1.name) > ($1.stability.index, $0.name) }
    }
}
