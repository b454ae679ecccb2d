/// A dataset whose values have been replaced by their bin, one contiguous `UInt8` column per feature.
public struct BinnedDataset: Sendable, Equatable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of feature columns.
    public let columnCount: Int
    /// All bins, column after column: bin `(row, column)` is at `column * rowCount + row`.
    public let bins: [UInt8]
}
