/// One train/validation split of row indices.
public struct Fold: Sendable, Equatable, Codable {
    /// Rows to fit on.
    public let train: [Int]
    /// Rows to score.
    public let validation: [Int]

    /// A split of the given rows.
    public init(train: [Int], validation: [Int]) {
        self.train = train
        self.validation = validation
    }
}
