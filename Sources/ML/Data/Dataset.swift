/// A columnar table of Float32 features: one contiguous column per feature, NaN for missing values.
///
/// Columns are stored back to back in one array (column-major), so a learner can walk a feature with a single
/// buffer pointer. Categorical columns hold level codes (see ``FeatureKind``).
public struct Dataset: Sendable, Equatable, Codable {
    /// The number of rows.
    public let rowCount: Int
    /// The column names, in column order.
    public private(set) var names: [String]
    /// How each column is interpreted, in column order.
    public private(set) var kinds: [FeatureKind]
    /// All values, column after column: value `(row, column)` is at `column * rowCount + row`.
    public private(set) var values: [Float]

    /// The number of feature columns.
    public var columnCount: Int { names.count }

    /// Creates a dataset from one array per column; every column must have the same length.
    public init(columns: [[Float]], names: [String]? = nil, kinds: [FeatureKind]? = nil) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "all columns must have the same length")
        self.rowCount = rows
        self.names = names ?? columns.indices.map { "x\($0)" }
        self.kinds = kinds ?? Array(repeating: .numerical, count: columns.count)
        precondition(self.names.count == columns.count && self.kinds.count == columns.count, "one name and kind per column")
        var values = [Float]()
        values.reserveCapacity(rows * columns.count)
        for column in columns { values.append(contentsOf: column) }
        self.values = values
    }

    /// Creates a dataset from column-major storage.
    public init(rowCount: Int, values: [Float], names: [String], kinds: [FeatureKind]) {
        precondition(values.count == rowCount * names.count && kinds.count == names.count, "values must fill rowCount × columns")
        self.rowCount = rowCount
        self.values = values
        self.names = names
        self.kinds = kinds
    }

    /// The values of one column.
    public func column(_ index: Int) -> ArraySlice<Float> {
        values[(index * rowCount)..<((index + 1) * rowCount)]
    }

    /// The value at `row` in `column`.
    public subscript(row: Int, column: Int) -> Float {
        values[column * rowCount + row]
    }

    /// A dataset holding only the given rows, in the given order (rows may repeat).
    public func selecting(rows: [Int]) -> Dataset {
        var selected = [Float](repeating: 0, count: rows.count * columnCount)
        values.withUnsafeBufferPointer { source in
            selected.withUnsafeMutableBufferPointer { target in
                for column in 0..<columnCount {
                    let from = column * rowCount
                    let to = column * rows.count
                    for (i, row) in rows.enumerated() { target[to + i] = source[from + row] }
                }
            }
        }
        return Dataset(rowCount: rows.count, values: selected, names: names, kinds: kinds)
    }

    /// A dataset of the columns named `selected`, in that order; a name this one lacks is a numerical column of
    /// missing values.
    public func selecting(columnsNamed selected: [String]) -> Dataset {
        var copied = [Float]()
        copied.reserveCapacity(selected.count * rowCount)
        var selectedKinds = [FeatureKind]()
        for name in selected {
            if let index = names.firstIndex(of: name) {
                copied.append(contentsOf: column(index))
                selectedKinds.append(kinds[index])
            } else {
                copied.append(contentsOf: repeatElement(Float.nan, count: rowCount))
                selectedKinds.append(.numerical)
            }
        }
        return Dataset(rowCount: rowCount, values: copied, names: selected, kinds: selectedKinds)
    }

    /// A dataset with extra numerical columns appended (stacking passes original features plus predictions this way).
    public func appending(columns: [[Float]], names extraNames: [String]) -> Dataset {
        precondition(columns.count == extraNames.count && columns.allSatisfy { $0.count == rowCount })
        var copy = self
        for (column, name) in zip(columns, extraNames) {
            copy.values.append(contentsOf: column)
            copy.names.append(name)
            copy.kinds.append(.numerical)
        }
        return copy
    }
}
