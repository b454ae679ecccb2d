import Foundation

/// A `Codable` value stored in a `json`/`jsonb` column, encoded with `JSONEncoder`.
public struct PostgresJSON<Value: Codable & Sendable>: Sendable, PostgresEncodable, PostgresDecodable {
    /// The wrapped value.
    public var value: Value

    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }

    public var postgresBind: PostgresBind {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a Codable value into JSON fails only for non-finite floats; those become null.
        guard let data = try? encoder.encode(value) else { return .text("null") }
        return .text(String(decoding: data, as: UTF8.self))
    }

    public static func decode(postgresText text: String) throws -> PostgresJSON<Value> {
        do {
            return PostgresJSON(try JSONDecoder().decode(Value.self, from: Data(text.utf8)))
        } catch {
            throw PostgresDecodingFailure("JSON does not decode as \(Value.self): \(error)")
        }
    }
}
