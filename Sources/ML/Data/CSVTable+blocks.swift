public import Essentials

extension CSVTable {
    /// Reads the rows in order, `blockRows` at a time, and hands each block to `body` before reading the next.
    ///
    /// Scoring a file this way costs one block of Float columns, however long the file (issue #21): the source is
    /// read as ``dataset(target:schema:)`` reads it, in 4 MB pieces, but the columns are cut every `blockRows` rows.
    /// Each row's features equal that row of ``features(schema:)``, so a model scores it the same. The schema must be
    /// known, since it fixes the categorical codes before any row is read; and, unlike the whole-table readers, a
    /// numerical field that is not a number is an error rather than a missing value, because a block already handed
    /// out cannot be read again as text.
    ///
    /// - Parameters:
    ///   - blockRows: the most rows in one block; the last block may have fewer.
    ///   - schema: the names and kinds of the feature columns, typically a saved model's; an unseen level is missing.
    ///   - target: the name of the target column, returned as labels and left out of the features: numeric (e.g. 0/1),
    ///     or text when `targetLevels` is given.
    ///   - targetLevels: the two levels a text target was trained with (``labelledDataset(target:schema:)``), mapped
    ///     to 0 and 1; any other text is an error.
    /// - Throws: ``CSVError`` naming the line of a field that is not a number, of a target value that is neither a
    ///   number nor a level, or of a missing target value.
    public func forEachBlock(
        rows blockRows: Int = 65_536, schema: (names: [String], kinds: [FeatureKind]), target: String? = nil, targetLevels: [String]? = nil,
        _ body: (CSVRowBlock) -> Void
    ) throws(CSVError) {
        precondition(targetLevels == nil || targetLevels?.count == 2, "a text target has two levels")
        precondition(blockRows > 0, "a block holds at least one row")
        var targetColumn: Int?
        if let target {
            guard let column = header.firstIndex(of: target) else {
                throw CSVError(code: .missingTarget, line: 1, message: "no column named \(target) in the header")
            }
            targetColumn = column
        }
        let featureColumns = header.indices.filter { $0 != targetColumn }
        let names = featureColumns.map { header[$0] }
        guard schema.names == names else {
            throw CSVError(code: .schemaMismatch, line: 1, message: "feature columns \(names) differ from the model's \(schema.names)")
        }
        let width = names.count
        // Per source column: its feature position, or -1 for the target.
        var position = [Int](repeating: -1, count: header.count)
        for (p, column) in featureColumns.enumerated() { position[column] = p }
        let levelCodes: [[String: Float]?] = schema.kinds.map { kind in
            guard case .categorical(let levels) = kind else { return nil }
            return Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Float($0)) })
        }
        let capacity = Swift.min(blockRows, Swift.max(rowCount, 1))
        var values = [Float](repeating: .nan, count: capacity * width)
        var labels = [Double](repeating: 0, count: targetColumn == nil ? 0 : capacity)
        var row = 0
        var firstRow = 0
        var isHeader = true

        // While filling, columns lie `capacity` apart; a short last block is packed to its own row count.
        func flush() {
            guard row > 0 else { return }
            var packed = values
            if row < capacity {
                packed = []
                packed.reserveCapacity(row * width)
                for p in 0..<width { packed.append(contentsOf: values[(p * capacity)..<(p * capacity + row)]) }
            }
            body(CSVRowBlock(
                features: Dataset(rowCount: row, values: packed, names: names, kinds: schema.kinds),
                labels: Array(labels.prefix(row)), firstRow: firstRow))
            firstRow += row
            row = 0
            values.withUnsafeMutableBufferPointer { $0.update(repeating: .nan) }
        }

        try Self.forEachRecord(of: source) { (fields, block, unescaped, line) throws(CSVError) in
            if isHeader {
                isHeader = false
                return
            }
            // The table counted its rows on the same source, but the file may have changed since.
            guard fields.count == header.count else {
                throw CSVError(code: .raggedRow, line: line, message: "\(fields.count) fields where the header has \(header.count)")
            }
            try unescaped.withUnsafeBufferPointer { (unescaped) throws(CSVError) in
                for (column, field) in fields.enumerated() {
                    let bytes = UnsafeBufferPointer(rebasing: field.unescaped ? unescaped[field.start..<field.end] : block[field.start..<field.end])
                    let p = position[column]
                    if p == -1 {
                        guard !Self.isMissing(bytes) else {
                            throw CSVError(code: .invalidTarget, line: line, message: "missing target value")
                        }
                        if let targetLevels {
                            let text = String(decoding: bytes, as: UTF8.self)
                            guard let level = targetLevels.firstIndex(of: text) else {
                                throw CSVError(
                                    code: .invalidTarget, line: line,
                                    message: "target \(target ?? "") is \"\(text)\", not one of the model's levels \(targetLevels.joined(separator: ", "))")
                            }
                            labels[row] = Double(level)
                        } else if let label = Self.label(bytes) {
                            labels[row] = label
                        } else {
                            throw CSVError(code: .invalidTarget, line: line, message: "target \(target ?? "") is \"\(String(decoding: bytes, as: UTF8.self))\", not a number")
                        }
                    } else if Self.isMissing(bytes) {
                        continue
                    } else if let codes = levelCodes[p] {
                        values[p * capacity + row] = codes[String(decoding: bytes, as: UTF8.self)] ?? .nan
                    } else if let number = Self.number(bytes) {
                        values[p * capacity + row] = number
                    } else {
                        throw CSVError(code: .invalidNumber, line: line, message: "\(names[p]) is \"\(String(decoding: bytes, as: UTF8.self))\", not a number")
                    }
                }
            }
            row += 1
            if row == capacity { flush() }
        }
        flush()
    }
}
