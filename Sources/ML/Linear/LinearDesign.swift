/// Turns a dataset into a standardized numeric design: numerical columns centred and scaled (missing → mean),
/// categorical columns expanded to one indicator per level, standardized the same way.
///
/// The design is dense (one Double per row and design column), so a categorical column with thousands of levels
/// costs as much as thousands of numerical ones.
public struct LinearDesign: Sendable, Equatable, Codable {
    /// One design column: which dataset column it reads, which level (for an indicator) and its scaling.
    public struct Column: Sendable, Equatable, Codable {
        /// The dataset column.
        public let source: Int
        /// The level code this indicator tests, or nil for a numerical column.
        public let level: Int?
        /// Training mean (missing values are replaced by it).
        public let mean: Double
        /// Training standard deviation (1 when constant).
        public let scale: Double
    }

    /// The design columns.
    public let columns: [Column]

    /// Learns means and scales from `data`; uncentred (every mean 0, so a missing value is 0), only scales.
    public init(fitting data: Dataset, centred: Bool = true) {
        var columns = [Column]()
        for source in 0..<data.columnCount {
            let values = data.column(source)
            switch data.kinds[source] {
            case .numerical:
                let (mean, scale) = Self.moments(values.lazy.filter { !$0.isNaN }.map(Double.init))
                columns.append(Column(source: source, level: nil, mean: centred ? mean : 0, scale: scale))
            case .categorical(let levels):
                for level in levels.indices {
                    let (mean, scale) = Self.moments(values.lazy.map { $0 == Float(level) ? 1.0 : 0.0 })
                    columns.append(Column(source: source, level: level, mean: centred ? mean : 0, scale: scale))
                }
            }
        }
        self.columns = columns
    }

    private static func moments(_ values: some Sequence<Double>) -> (mean: Double, scale: Double) {
        var count = 0.0
        var sum = 0.0
        var squares = 0.0
        for v in values {
            count += 1
            sum += v
            squares += v * v
        }
        guard count > 0 else { return (0, 1) }
        let mean = sum / count
        let variance = max(0, squares / count - mean * mean)
        return (mean, variance > 1e-12 ? variance.squareRoot() : 1)
    }

    /// The standardized design, column after column (`columns.count × data.rowCount` values).
    public func matrix(_ data: Dataset) -> [Double] {
        var output = [Double](repeating: 0, count: columns.count * data.rowCount)
        let n = data.rowCount
        for (j, column) in columns.enumerated() {
            let values = data.column(column.source)
            var i = j * n
            for value in values {
                let raw: Double
                if let level = column.level {
                    raw = value == Float(level) ? 1 : 0
                } else {
                    raw = value.isNaN ? column.mean : Double(value)
                }
                output[i] = (raw - column.mean) / column.scale
                i += 1
            }
        }
        return output
    }
}
