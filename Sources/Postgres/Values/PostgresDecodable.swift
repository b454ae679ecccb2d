import Essentials
public import Foundation

/// A Swift value that can be decoded from a column in PostgreSQL's text output format.
public protocol PostgresDecodable: Sendable {
    /// Decodes the value from the server's text output.
    static func decode(postgresText text: String) throws -> Self
    /// The value for SQL `NULL`; throws unless the type is optional.
    static func decodeNull() throws -> Self
}

extension PostgresDecodable {
    public static func decodeNull() throws -> Self {
        throw PostgresDecodingFailure("unexpected NULL for non-optional \(Self.self)")
    }
}

/// Why a text value could not become a Swift value; wrapped into a `StoreError` naming the column.
struct PostgresDecodingFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }

    /// `parse(text)`, else the failure that `text` (its first 40 characters) is not `expected`.
    ///
    /// `expected` is an autoclosure: a row decodes many values, and only a failure needs the words.
    static func parsing<Value>(_ text: String, as expected: @autoclosure () -> String, _ parse: (String) -> Value?) throws -> Value {
        guard let value = parse(text) else { throw PostgresDecodingFailure("'\(text.prefix(40))' is not \(expected())") }
        return value
    }
}

extension String: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> String { text }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Int {
        try PostgresDecodingFailure.parsing(text, as: "an integer") { Int($0) }
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Int64 {
        try PostgresDecodingFailure.parsing(text, as: "an integer") { Int64($0) }
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Int32 {
        try PostgresDecodingFailure.parsing(text, as: "an int4") { Int32($0) }
    }
}

extension Double: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return try PostgresDecodingFailure.parsing(text, as: "a number") { Double($0) }
        }
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Bool {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: throw PostgresDecodingFailure("'\(text.prefix(40))' is not a boolean")
        }
    }
}

extension Date: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Date {
        try PostgresDecodingFailure.parsing(text, as: "an ISO timestamp or date", PostgresTimestamp.parse)
    }
}

extension UUID: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> UUID {
        try PostgresDecodingFailure.parsing(text, as: "a UUID") { UUID(uuidString: $0) }
    }
}

extension Data: PostgresDecodable {
    /// Decodes `bytea` in the server's default hex output (`\x0a1b`).
    public static func decode(postgresText text: String) throws -> Data {
        guard text.hasPrefix("\\x"), let bytes = Hex.decode(text.utf8.dropFirst(2)) else {
            throw PostgresDecodingFailure("bytea value is not in hex format")
        }
        return Data(bytes)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String) throws -> Wrapped? {
        try Wrapped.decode(postgresText: text)
    }

    public static func decodeNull() throws -> Wrapped? { nil }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// Decodes a one-dimensional array literal.
    public static func decode(postgresText text: String) throws -> [Element] {
        let elements = try PostgresDecodingFailure.parsing(text, as: "a one-dimensional array", PostgresArrayLiteral.parse)
        return try elements.map { element in
            guard let element else { return try Element.decodeNull() }
            return try Element.decode(postgresText: element)
        }
    }
}
