/// Rows in `COPY … FROM STDIN` text format, built field by field for a bulk load.
///
/// ```swift
/// var rows = PostgresCopyBuffer()
/// try rows.append(gameID); try rows.append(book); rows.endRow()
/// try await database.copy(rows, into: "COPY odds (game_id, bookmaker) FROM STDIN")
/// ```
public struct PostgresCopyBuffer: Sendable {
    /// The encoded rows.
    public private(set) var bytes: [UInt8] = []
    /// How many rows were ended with `endRow()`.
    public private(set) var rowCount = 0
    private var fieldsInRow = 0

    /// An empty buffer, reserving room for about `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one field to the current row; text is escaped, `nil` becomes `\N`.
    public mutating func append(_ value: some PostgresEncodable) throws {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
        switch value.postgresBind {
        case .null:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
        case .text(let text):
            try appendEscaped(text.utf8)
        case .bytes(let data):
            // bytea's hex input, with the backslash doubled for COPY's own escaping.
            bytes.append(contentsOf: "\\\\x".utf8)
            bytes.append(contentsOf: PostgresHex.encode(data).utf8)
        }
    }

    /// Appends an integer field without going through a string.
    public mutating func append(_ value: Int) {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        rowCount += 1
        fieldsInRow = 0
    }

    private mutating func appendEscaped(_ utf8: String.UTF8View) throws {
        for byte in utf8 {
            switch byte {
            case 0:
                throw StoreError(.invalidInput, message: "a COPY field contains a NUL byte, which PostgreSQL text cannot store")
            case UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(byte)
            }
        }
    }
}
