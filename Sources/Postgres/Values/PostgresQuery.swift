/// A SQL statement and its parameters; interpolated values become `$n` placeholders, never SQL text.
///
/// ```swift
/// let query: PostgresQuery = "SELECT id FROM games WHERE sport = \(sport) AND scheduled_at > \(since)"
/// ```
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    /// The SQL text with `$1`, `$2`, … placeholders.
    public var sql: String
    /// The parameter values, in placeholder order.
    public var binds: [PostgresBind]

    /// A statement with explicit placeholders and values.
    public init(_ sql: String, binds: [PostgresBind] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// Builds a statement: literal segments are SQL, interpolated values are parameters.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a value as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(value.postgresBind)
            sql += "$\(binds.count)"
        }

        /// Appends an optional value as the next `$n` parameter (`NULL` when `nil`).
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            binds.append(value.postgresBind)
            sql += "$\(binds.count)"
        }

        /// Appends a double-quoted identifier (schema, table or column name chosen by the program).
        public mutating func appendInterpolation(identifier: String) {
            sql += "\""
            for character in identifier {
                sql.append(character)
                if character == "\"" { sql.append(character) }
            }
            sql += "\""
        }
    }
}
