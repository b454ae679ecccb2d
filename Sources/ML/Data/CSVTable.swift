import Essentials

/// A parsed comma-separated table: a header line and rows of text fields, turned into a ``Dataset`` on demand.
///
/// Split into records by ``CSVReader`` (RFC 4180 quoting, any line end); treats empty fields, `NA`, `NaN`, `null`
/// and `?` as missing. A column is numerical when every non-missing field parses as a number, otherwise categorical
/// with its distinct values, sorted, as levels.
public struct CSVTable: Sendable {
    /// The column names from the header line.
    public let header: [String]
    /// The fields, row after row.
    private let fields: [String]
    /// The number of data rows.
    public let rowCount: Int

    /// Parses UTF-8 CSV text.
    public init(utf8 bytes: [UInt8]) throws(CSVError) {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(bytes)
        } catch {
            throw CSVError(code: .malformed, line: error.line, message: error.message)
        }
        guard let header = records.first?.fields else { throw CSVError(code: .empty, line: 0, message: "no header line") }
        var fields = [String]()
        fields.reserveCapacity(header.count * (records.count - 1))
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CSVError(code: .raggedRow, line: record.line, message: "\(record.fields.count) fields where the header has \(header.count)")
            }
            fields.append(contentsOf: record.fields)
        }
        self.header = header.map { $0.trimmingSpaces() }
        self.fields = fields
        self.rowCount = records.count - 1
    }

    /// Parses CSV text.
    public init(_ text: String) throws(CSVError) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Whether a field means "no value".
    static func isMissing(_ field: String) -> Bool {
        guard field.utf8.count <= 4 else { return false }
        switch field {
        case "", "NA", "N/A", "NaN", "nan", "null", "NULL", "?", "None": return true
        default: return false
        }
    }

    /// The number in a field, ignoring surrounding spaces; nil when it is not a number.
    static func number(_ field: String) -> Float? {
        let first = field.utf8.first
        let last = field.utf8.last
        let padded = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
        return DecimalFloatParser.parse(padded ? field.trimmingSpaces() : field)
    }

    /// The text of one field.
    public func field(row: Int, column: Int) -> String {
        fields[row * header.count + column]
    }

    /// Splits the table into features and the 0/1 or numeric `target` column.
    ///
    /// - Parameter schema: the names and kinds the features must have, typically taken from the training set so a
    ///   test file encodes categories with the same codes (unseen levels become missing). When nil, kinds are inferred.
    /// - Returns: the features (every column but the target) and the target values. A two-level text target maps its
    ///   sorted levels to 0 and 1.
    public func dataset(target: String, schema: (names: [String], kinds: [FeatureKind])? = nil) throws(CSVError) -> (data: Dataset, labels: [Double]) {
        guard let targetColumn = header.firstIndex(of: target) else {
            throw CSVError(code: .missingTarget, line: 1, message: "no column named \(target) in the header")
        }
        let data = try features(columns: header.indices.filter { $0 != targetColumn }, schema: schema)
        var labels = [Double]()
        labels.reserveCapacity(rowCount)
        switch inferKind(column: targetColumn) {
        case .numerical:
            for row in 0..<rowCount {
                guard let value = Double(field(row: row, column: targetColumn).trimmingSpaces()) else {
                    throw CSVError(code: .invalidTarget, line: row + 2, message: "missing target value")
                }
                labels.append(value)
            }
        case .categorical(let levels):
            guard levels.count == 2 else {
                throw CSVError(code: .invalidTarget, line: 0, message: "text target \(target) has \(levels.count) levels, expected 2")
            }
            for row in 0..<rowCount {
                let text = field(row: row, column: targetColumn)
                guard !Self.isMissing(text) else { throw CSVError(code: .invalidTarget, line: row + 2, message: "missing target value") }
                labels.append(text == levels[1] ? 1 : 0)
            }
        }
        return (data, labels)
    }

    /// Every column as a feature: rows to predict, which have no target column.
    ///
    /// - Parameter schema: as for ``dataset(target:schema:)``.
    public func features(schema: (names: [String], kinds: [FeatureKind])? = nil) throws(CSVError) -> Dataset {
        try features(columns: Array(header.indices), schema: schema)
    }

    private func features(columns featureColumns: [Int], schema: (names: [String], kinds: [FeatureKind])?) throws(CSVError) -> Dataset {
        let names = featureColumns.map { header[$0] }
        if let schema, schema.names != names {
            throw CSVError(code: .schemaMismatch, line: 1, message: "feature columns \(names) differ from the model's \(schema.names)")
        }
        var values = [Float]()
        values.reserveCapacity(rowCount * featureColumns.count)
        var kinds = [FeatureKind]()
        for (position, column) in featureColumns.enumerated() {
            if schema == nil, let numbers = numbers(column: column) {
                kinds.append(.numerical)
                values.append(contentsOf: numbers)
                continue
            }
            let kind = schema?.kinds[position] ?? inferKind(column: column)
            kinds.append(kind)
            switch kind {
            case .numerical:
                for row in 0..<rowCount {
                    let text = field(row: row, column: column)
                    values.append(Self.isMissing(text) ? .nan : Self.number(text) ?? .nan)
                }
            case .categorical(let levels):
                let codes = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Float($0)) })
                for row in 0..<rowCount { values.append(codes[field(row: row, column: column)] ?? .nan) }
            }
        }
        return Dataset(rowCount: rowCount, values: values, names: names, kinds: kinds)
    }

    /// The column's values when every non-missing field is a number (missing ones NaN), else nil.
    private func numbers(column: Int) -> [Float]? {
        var values = [Float]()
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let text = field(row: row, column: column)
            if Self.isMissing(text) {
                values.append(.nan)
            } else if let value = Self.number(text) {
                values.append(value)
            } else {
                return nil
            }
        }
        return values
    }

    private func inferKind(column: Int) -> FeatureKind {
        guard numbers(column: column) == nil else { return .numerical }
        var levels = Set<String>()
        for row in 0..<rowCount {
            let text = field(row: row, column: column)
            if !Self.isMissing(text) { levels.insert(text) }
        }
        return .categorical(levels: levels.sorted())
    }
}
