/// A string-backed enum stored as its raw value in a `text` column with a `CHECK` constraint.
public protocol PostgresTextEnum: PostgresEncodable, PostgresDecodable, RawRepresentable where RawValue == String {}

extension PostgresTextEnum {
    public var postgresBind: PostgresBind { .text(rawValue) }

    public static func decode(postgresText text: String) throws -> Self {
        guard let value = Self(rawValue: text) else {
            throw PostgresDecodingFailure("'\(text.prefix(40))' is not a \(Self.self)")
        }
        return value
    }
}
