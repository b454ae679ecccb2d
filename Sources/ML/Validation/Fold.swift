/// One train/validation split of row indices.
public struct Fold: Sendable, Equatable, Codable {
    /// Rows to fit on.
    public let train: [Int]
    /// Rows to score.
    public let validation: [Int]

}
