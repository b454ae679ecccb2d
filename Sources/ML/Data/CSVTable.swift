public import Essentials

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A comma-separated table: a header line and rows of fields, turned into a ``Dataset`` on demand.
///
/// Split into records as ``CSVFieldScanner`` does (RFC 4180 quoting, any line end); treats empty fields, `NA`,
/// `NaN`, `null` and `?` as missing. A column is numerical when every non-missing field parses as a number, otherwise
/// categorical with its distinct values as levels: sorted, or most frequent first when there are more than trees can
/// bin (``levels(of:)``).
///
/// The table keeps its source, not its fields: the text itself when built from bytes, the path when read from a
/// file, which ``dataset(target:schema:)`` then reads again in blocks, parsing every number straight into its
/// Float column. A file of a million rows then costs its Float columns and one block, not the file's size in
/// `String`s (issue #21: 2.3 GB for a 460 MB training file).
public struct CSVTable: Sendable {
    /// The column names from the header line.
    public let header: [String]
    /// The number of data rows.
    public let rowCount: Int
    let source: Source

    enum Source: Sendable {
        case bytes([UInt8])
        case file(String)
    }

    /// Parses UTF-8 CSV text.
    public init(utf8 bytes: [UInt8]) throws(CSVError) {
        try self.init(source: .bytes(bytes))
    }

    /// Parses CSV text.
    public init(_ text: String) throws(CSVError) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Reads the CSV file at `path`: its header and row count now, its values when a dataset is asked for.
    public init(contentsOfFile path: String) throws(CSVError) {
        try self.init(source: .file(path))
    }

    private init(source: Source) throws(CSVError) {
        var header: [String]?
        var rows = 0
        try Self.forEachRecord(of: source) { (fields, block, unescaped, line) throws(CSVError) in
            guard let width = header?.count else {
                header = fields.map { $0.text(in: block, unescaped: unescaped).trimmingSpaces() }
                return
            }
            guard fields.count == width else {
                throw CSVError(code: .raggedRow, line: line, message: "\(fields.count) fields where the header has \(width)")
            }
            rows += 1
        }
        guard let header else { throw CSVError(code: .empty, line: 0, message: "no header line") }
        self.header = header
        self.rowCount = rows
        self.source = source
    }

    /// Whether a field means "no value".
    static func isMissing(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard field.count <= 4 else { return false }
        return missingMarks.contains { $0.elementsEqual(field) }
    }

    private static let missingMarks: [[UInt8]] = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "?", "None"].map { Array($0.utf8) }

    /// The number in a field, ignoring surrounding spaces and tabs; nil when it is not a number.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
        DecimalFloatParser.parse(trimmed(field))
    }

    /// Splits the table into features and the 0/1 or numeric `target` column.
    ///
    /// - Parameter schema: the names and kinds the features must have, typically taken from the training set so a
    ///   test file encodes categories with the same codes (unseen levels become missing). When nil, kinds are inferred.
    /// - Returns: the features (every column but the target) and the target values. A two-level text target maps its
    ///   sorted levels to 0 and 1.
    public func dataset(target: String, schema: (names: [String], kinds: [FeatureKind])? = nil) throws(CSVError) -> (data: Dataset, labels: [Double]) {
        let labelled = try labelledDataset(target: target, schema: schema)
        return (labelled.data, labelled.labels)
    }

    /// ``dataset(target:schema:)``, with the levels of a text target: a model saved from it keeps them, so rows
    /// scored later (``forEachBlock(rows:schema:target:targetLevels:_:)``) map the same text to the same label.
    ///
    /// - Returns: the features, the labels, and the two levels mapped to 0 and 1, or nil for a numeric target.
    public func labelledDataset(
        target: String, schema: (names: [String], kinds: [FeatureKind])? = nil
    ) throws(CSVError) -> (data: Dataset, labels: [Double], targetLevels: [String]?) {
        guard let targetColumn = header.firstIndex(of: target) else {
            throw CSVError(code: .missingTarget, line: 1, message: "no column named \(target) in the header")
        }
        let (data, targetValues) = try parse(featureColumns: header.indices.filter { $0 != targetColumn }, targetColumn: targetColumn, schema: schema)
        guard let targetValues else { preconditionFailure("a target column was read") }
        switch targetValues {
        case .numbers(let labels, let missingLine):
            if let missingLine { throw CSVError(code: .invalidTarget, line: missingLine, message: "missing target value") }
            return (data, labels, nil)
        case .texts(let texts, let lines):
            let levels = Set(texts.compactMap { $0 }).sorted()
            guard levels.count == 2 else {
                throw CSVError(code: .invalidTarget, line: 0, message: "text target \(target) has \(levels.count) levels, expected 2")
            }
            var labels = [Double]()
            labels.reserveCapacity(rowCount)
            for (row, text) in texts.enumerated() {
                guard let text else { throw CSVError(code: .invalidTarget, line: lines[row], message: "missing target value") }
                labels.append(text == levels[1] ? 1 : 0)
            }
            return (data, labels, levels)
        }
    }

    /// Every column as a feature: rows to predict, which have no target column.
    ///
    /// - Parameter schema: as for ``dataset(target:schema:)``.
    public func features(schema: (names: [String], kinds: [FeatureKind])? = nil) throws(CSVError) -> Dataset {
        try parse(featureColumns: Array(header.indices), targetColumn: nil, schema: schema).data
    }

    /// The target column as read: numbers (with the line of the first missing one), or texts when any non-missing
    /// field is not a number.
    private enum TargetValues {
        case numbers([Double], missingLine: Int?)
        case texts([String?], lines: [Int])
    }

    /// Reads the feature columns into Float columns, and the target column, in one pass over the source (two when a
    /// column turns out to hold text).
    private func parse(
        featureColumns: [Int], targetColumn: Int?, schema: (names: [String], kinds: [FeatureKind])?
    ) throws(CSVError) -> (data: Dataset, target: TargetValues?) {
        let names = featureColumns.map { header[$0] }
        if let schema, schema.names != names {
            throw CSVError(code: .schemaMismatch, line: 1, message: "feature columns \(names) differ from the model's \(schema.names)")
        }
        let rows = rowCount
        // Per source column: its feature position, or -1 for the target.
        var position = [Int](repeating: -2, count: header.count)
        for (p, column) in featureColumns.enumerated() { position[column] = p }
        if let targetColumn { position[targetColumn] = -1 }
        // Categorical columns of the schema are read as text; any other column is numbers until a field is not.
        var isText = schema?.kinds.map(\.isCategorical) ?? [Bool](repeating: false, count: featureColumns.count)
        let inferring = schema == nil
        var values = [Float](repeating: .nan, count: rows * featureColumns.count)
        var labels = [Double](repeating: 0, count: targetColumn == nil ? 0 : rows)
        var labelMissingLine: Int?
        var targetIsText = false
        var isHeader = true
        var row = 0
        var failure: CSVError?
        values.withUnsafeMutableBufferPointer { values in
            labels.withUnsafeMutableBufferPointer { labels in
                do throws(CSVError) {
                    try Self.forEachRecord(of: source) { (fields, block, unescaped, line) throws(CSVError) in
                    if isHeader {
                        isHeader = false
                        return
                    }
                    unescaped.withUnsafeBufferPointer { unescaped in
                        for (column, field) in fields.enumerated() {
                            let p = position[column]
                            if p == -2 { continue }
                            let bytes = field.unescaped ? UnsafeBufferPointer(rebasing: unescaped[field.start..<field.end]) : UnsafeBufferPointer(rebasing: block[field.start..<field.end])
                            if p == -1 {
                                if targetIsText { continue }
                                if Self.isMissing(bytes) {
                                    if labelMissingLine == nil { labelMissingLine = line }
                                } else if let label = Self.label(bytes) {
                                    labels[row] = label
                                } else {
                                    targetIsText = true
                                }
                                continue
                            }
                            if isText[p] || Self.isMissing(bytes) { continue }
                            if let number = Self.number(bytes) {
                                values[p * rows + row] = number
                            } else if inferring {
                                isText[p] = true
                            }
                        }
                    }
                    row += 1
                    }
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        var kinds = schema?.kinds ?? [FeatureKind](repeating: .numerical, count: featureColumns.count)
        var target: TargetValues? = targetColumn.map { _ in .numbers(labels, missingLine: labelMissingLine) }
        let textPositions = isText.indices.filter { isText[$0] }
        if !textPositions.isEmpty || targetIsText {
            var textColumns = textPositions.map { featureColumns[$0] }
            if targetIsText, let targetColumn { textColumns.append(targetColumn) }
            let (texts, lines) = try self.texts(columns: textColumns)
            for (k, p) in textPositions.enumerated() {
                let levels: [String]
                if case .categorical(let known) = kinds[p] {
                    levels = known
                } else {
                    levels = Self.levels(of: texts[k])
                    kinds[p] = .categorical(levels: levels)
                }
                let codes = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Float($0)) })
                for (r, text) in texts[k].enumerated() { values[p * rows + r] = text.flatMap { codes[$0] } ?? .nan }
            }
            if targetIsText { target = .texts(texts[texts.count - 1], lines: lines) }
        }
        return (Dataset(rowCount: rows, values: values, names: names, kinds: kinds), target)
    }

    /// The levels of a categorical column from its fields (nil where missing): sorted, unless there are more than
    /// the 255 a tree bins, then most frequent first (ties sorted), so the levels that get a bin of their own are the
    /// most frequent ones, as LightGBM's bin mapper keeps them, and the rarest share the missing bin.
    static func levels(of texts: [String?]) -> [String] {
        var counts: [String: Int] = [:]
        for text in texts { if let text { counts[text, default: 0] += 1 } }
        guard counts.count > Int(QuantileBinner.missingBin) else { return counts.keys.sorted() }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The fields of `columns` as text (nil where missing), and the line of every row.
    private func texts(columns: [Int]) throws(CSVError) -> (texts: [[String?]], lines: [Int]) {
        var texts = [[String?]](repeating: [], count: columns.count)
        var lines = [Int]()
        var isHeader = true
        try Self.forEachRecord(of: source) { (fields, block, unescaped, line) throws(CSVError) in
            if isHeader {
                isHeader = false
                return
            }
            for (k, column) in columns.enumerated() {
                let text = fields[column].text(in: block, unescaped: unescaped)
                let missing = text.utf8.withContiguousStorageIfAvailable { Self.isMissing($0) } ?? false
                texts[k].append(missing ? nil : text)
            }
            lines.append(line)
        }
        return (texts, lines)
    }

    /// A target value: 0 and 1 without a detour through `String`, any other number through `Double`'s parser.
    static func label(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let field = trimmed(field)
        if field.count == 1 && (field[0] == UInt8(ascii: "0") || field[0] == UInt8(ascii: "1")) { return Double(field[0] - UInt8(ascii: "0")) }
        guard number(field) != nil else { return nil }
        return Double(String(decoding: field, as: UTF8.self))
    }

    private static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = field.count
        while start < end && (field[start] == space || field[start] == tab) { start += 1 }
        while end > start && (field[end - 1] == space || field[end - 1] == tab) { end -= 1 }
        return start == 0 && end == field.count ? field : UnsafeBufferPointer(rebasing: field[start..<end])
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Bytes read from a file at a time: large enough that the read calls cost nothing, small beside the columns.
    private static let blockSize = 1 << 22

    /// Hands every record of `source` to `body`, the header first, reading a file block by block.
    static func forEachRecord(
        of source: Source, _ body: ([CSVFieldScanner.Field], UnsafeBufferPointer<UInt8>, [UInt8], Int) throws(CSVError) -> Void
    ) throws(CSVError) {
        var scanner = CSVFieldScanner()
        switch source {
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { (bytes) throws(CSVError) in
                _ = try scanner.scan(bytes, isLast: true, body)
            }
        case .file(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw CSVError(code: .unreadable, line: 0, message: "cannot read \(path)") }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: blockSize)
            var filled = 0
            var atEnd = false
            while !atEnd {
                // A record longer than the buffer: grow it.
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
                guard got >= 0 else { throw CSVError(code: .unreadable, line: scanner.line, message: "cannot read \(path)") }
                atEnd = got == 0
                filled += got
                let consumed = try buffer.withUnsafeBufferPointer { (all) throws(CSVError) in
                    try scanner.scan(UnsafeBufferPointer(rebasing: all[..<filled]), isLast: atEnd, body)
                }
                // The cut record moves to the front, to be completed by the next read.
                if consumed > 0 {
                    buffer.withUnsafeMutableBytes { raw in
                        _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
                    }
                    filled -= consumed
                }
            }
        }
    }
}
