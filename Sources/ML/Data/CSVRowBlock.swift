/// A run of consecutive data rows of a ``CSVTable``, read by ``CSVTable/forEachBlock(rows:schema:target:_:)``.
public struct CSVRowBlock: Sendable {
    /// The rows' features, in the schema's column order and codes.
    public let features: Dataset
    /// The rows' target values, when a target column was asked for; empty otherwise.
    public let labels: [Double]
    /// The 0-based index of the block's first row among the table's data rows.
    public let firstRow: Int
}
