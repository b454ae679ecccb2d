import Essentials
import Foundation

/// A comma-separated file with a header: rows of fields, each with its line number, read by column name.
///
/// Split into records by ``CSVReader`` (RFC 4180 quoting, any line end, blank lines skipped).
struct CSVTable: Sendable {
    /// One data row.
    struct Row: Sendable {
        /// The row's line in the file (1-based; the header is line 1).
        let line: Int
        let fields: [String]
        let columns: [String: Int]

        /// The trimmed value of `column`, `nil` when the column is absent or the field empty.
        subscript(_ column: String) -> String? {
            guard let index = columns[column.lowercased()], index < fields.count else { return nil }
            let value = fields[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }

        /// The value of a column the file must fill.
        func required(_ column: String) throws -> String {
            guard let value = self[column] else { throw ReplayFileError(line: line, "\(column) is empty") }
            return value
        }

        /// The final score in a column the file must fill: a whole number, 0 or more.
        func score(_ column: String) throws -> Int {
            let value = try required(column)
            guard let score = Int(value), score >= 0 else { throw ReplayFileError(line: line, "\(column) \"\(value)\" is not a score") }
            return score
        }
    }

    /// The header's column names, lowercased and trimmed, by position.
    let columns: [String: Int]
    /// The data rows.
    let rows: [Row]

    /// Reads `text`; a quoted field left open is an error naming its line.
    init(_ text: String) throws {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(text.utf8)
        } catch {
            throw ReplayFileError(line: error.line, error.message)
        }
        guard let header = records.first else { throw ReplayFileError(line: 0, "the file is empty; it needs a header line") }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if !key.isEmpty && columns[key] == nil { columns[key] = index }
        }
        self.columns = columns
        rows = records.dropFirst().map { Row(line: $0.line, fields: $0.fields, columns: columns) }
    }

    /// Throws unless the header names every column of `names`.
    func require(_ names: [String]) throws {
        let missing = names.filter { columns[$0.lowercased()] == nil }
        guard missing.isEmpty else {
            throw ReplayFileError(line: 1, "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
    }
}
