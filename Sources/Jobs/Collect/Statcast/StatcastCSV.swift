import Foundation

/// Parses a Savant CSV: strips the UTF-8 byte-order mark, honours quotes (`"97.5"`, commas and `""` inside),
/// and reads both `null` and empty fields as missing.
struct StatcastCSV: Sendable {
    /// The header's columns.
    let columns: [String]
    /// The rows, each as many fields as the header, `nil` where missing.
    let rows: [[String?]]

    init(_ data: Data, source: String, endpoint: String) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(record)
                record.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            throw CollectorError(
                .invalidPayload, source: source, endpoint: endpoint, status: 200, message: "a quoted field never ends (truncated body?)")
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        guard let header = records.first, !header.isEmpty else {
            throw CollectorError(.invalidPayload, source: source, endpoint: endpoint, status: 200, message: "no header line")
        }
        columns = header
        var rows: [[String?]] = []
        for (line, values) in records.dropFirst().enumerated() where values != [""] {
            guard values.count == header.count else {
                throw CollectorError(
                    .invalidPayload, source: source, endpoint: endpoint, status: 200,
                    message: "row \(line + 1) has \(values.count) fields for \(header.count) columns")
            }
            rows.append(values.map { $0.isEmpty || $0 == "null" ? nil : $0 })
        }
        self.rows = rows
    }

    /// The index of `column`, if present.
    func index(of column: String) -> Int? {
        columns.firstIndex(of: column)
    }
}
