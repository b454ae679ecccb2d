/// A string-backed enum stored as its raw value in a `text` column with a `CHECK` constraint.
public protocol PostgresTextEnum: PostgresEncodable, PostgresDecodable, RawRepresentable where RawValue == String {}

extension PostgresTextEnum {
    public var postgresBind: PostgresBind { .text(rawValue) }

    public static func decode(postgresText text: String) throws -> Self {
        try PostgresDecodingFailure.parsing(text, as: "a \(Self.self)") { Self(rawValue: $0) }
    }
}
