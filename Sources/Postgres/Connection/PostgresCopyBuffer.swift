import Essentials
public import Foundation

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
        switch value.postgresBind {
        case .null:
            appendNull()
        case .text(let text):
            startField()
            try appendEscaped(text.utf8)
        case .bytes(let data):
            startField()
            // bytea's hex input, with the backslash doubled for COPY's own escaping.
            bytes.append(contentsOf: "\\\\x".utf8)
            bytes.append(contentsOf: Hex.encode(data).utf8)
        }
    }

    /// Appends a text field, escaped, without an intermediate copy.
    public mutating func append(_ value: String) throws {
        startField()
        try appendEscaped(value.utf8)
    }

    /// Appends a text field or `\N`.
    public mutating func append(_ value: String?) throws {
        guard let value else { return appendNull() }
        try append(value)
    }

    /// Appends a float field (`NaN`, `Infinity` included).
    public mutating func append(_ value: Double) {
        startField()
        bytes.append(contentsOf: value.postgresText.utf8)
    }

    /// Appends a float field or `\N`.
    public mutating func append(_ value: Double?) {
        guard let value else { return appendNull() }
        append(value)
    }

    /// Appends a boolean field.
    public mutating func append(_ value: Bool) {
        startField()
        bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// Appends a `timestamptz` field in UTC.
    public mutating func append(_ value: Date) {
        startField()
        PostgresTimestamp.append(value, to: &bytes)
    }

    /// Appends an integer field without going through a string.
    public mutating func append(_ value: Int) {
        startField()
        appendDigits(of: value)
    }

    private mutating func startField() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    private mutating func appendNull() {
        startField()
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }

    private mutating func appendDigits(of value: Int) {
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
            if byte == 0 {
                throw StoreError(.invalidInput, message: "a COPY field contains a NUL byte, which PostgreSQL text cannot store")
            }
            if let letter = Self.escapeLetter(for: byte) {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(letter)
            } else {
                bytes.append(byte)
            }
        }
    }

    /// The letter that follows a backslash for `byte` in COPY text, or `nil` when `byte` stands for itself: a
    /// backslash would start an escape, and a tab, newline or carriage return would end the field or the row.
    private static func escapeLetter(for byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        default: nil
        }
    }
}
