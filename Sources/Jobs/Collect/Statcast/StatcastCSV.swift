import Essentials
import Foundation

/// A Savant CSV, split by ``CSVReader``, with both `null` and empty fields read as missing.
struct StatcastCSV: Sendable {
    /// The header's columns.
    let columns: [String]
    /// The rows, each as many fields as the header, `nil` where missing.
    let rows: [[String?]]

    init(_ data: Data, source: String, endpoint: String) throws {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(data)
        } catch {
            throw CollectorError(.invalidPayload, source: source, endpoint: endpoint, status: 200, message: "\(error.message) at line \(error.line)")
        }
        guard let header = records.first?.fields else {
            throw CollectorError(.invalidPayload, source: source, endpoint: endpoint, status: 200, message: "no header line")
        }
        columns = header
        var rows: [[String?]] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CollectorError(
                    .invalidPayload, source: source, endpoint: endpoint, status: 200,
                    message: "line \(record.line) has \(record.fields.count) fields for \(header.count) columns")
            }
            rows.append(record.fields.map { $0.isEmpty || $0 == "null" ? nil : $0 })
        }
        self.rows = rows
    }

    /// The index of `column`, if present.
    func index(of column: String) -> Int? {
        columns.firstIndex(of: column)
    }
}
