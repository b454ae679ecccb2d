import Essentials
public import Foundation

/// A Swift value that can be sent to PostgreSQL as a statement parameter.
public protocol PostgresEncodable: Sendable {
    /// The parameter as sent to the server.
    var postgresBind: PostgresBind { get }
}

extension String: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(self) }
}

extension Substring: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(String(self)) }
}

extension Int: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(String(self)) }
}

extension Int64: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(String(self)) }
}

extension Int32: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(String(self)) }
}

extension Double: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(postgresText) }

    /// The value in PostgreSQL's float input syntax (shortest round-tripping digits, `NaN`, `±Infinity`).
    var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Bool: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(self ? "t" : "f") }
}

extension Date: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(PostgresTimestamp.format(self)) }
}

extension UUID: PostgresEncodable {
    public var postgresBind: PostgresBind { .text(uuidString) }
}

extension Data: PostgresEncodable {
    public var postgresBind: PostgresBind { .bytes([UInt8](self)) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresBind: PostgresBind {
        switch self {
        case .none: .null
        case .some(let value): value.postgresBind
        }
    }
}

extension Array: PostgresEncodable where Element: PostgresEncodable {
    /// A one-dimensional array literal (`{"a","b",NULL}`); every element is quoted and escaped.
    public var postgresBind: PostgresBind {
        var literal = "{"
        for (index, element) in enumerated() {
            if index > 0 { literal += "," }
            switch element.postgresBind {
            case .null:
                literal += "NULL"
            case .text(let text):
                PostgresArrayLiteral.appendQuoted(text, to: &literal)
            case .bytes(let bytes):
                PostgresArrayLiteral.appendQuoted("\\x" + Hex.encode(bytes), to: &literal)
            }
        }
        literal += "}"
        return .text(literal)
    }
}
