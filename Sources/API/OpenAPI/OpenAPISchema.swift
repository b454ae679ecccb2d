import OpenAPIKit

/// Short builders for the OpenAPI 3.1 (JSON Schema 2020-12) schemas of the document, and the schemas several
/// areas share.
///
/// OpenAPIKit's own constructors take bounds as `(value, exclusive:)` pairs and carry "required" on each
/// property; these say what the document says (inclusive bounds, an object's required and optional
/// properties side by side) in one line each.
enum OpenAPISchema {
    /// An object with the properties it must have and those it may have.
    static func object(
        required: OrderedDictionary<String, JSONSchema> = [:], optional: OrderedDictionary<String, JSONSchema> = [:]
    ) -> JSONSchema {
        // OpenAPIKit writes an object's `required` list from its properties' own flags.
        var properties = required.mapValues { $0.requiredSchemaObject() }
        for (name, schema) in optional { properties[name] = schema.optionalSchemaObject() }
        return .object(properties: properties)
    }

    static func string(
        format: JSONTypeFormat.StringFormat = .unspecified, enumeration: [String]? = nil, pattern: String? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, nullable: Bool = false
    ) -> JSONSchema {
        .string(
            format: format, nullable: nullable, minLength: minLength, maxLength: maxLength, pattern: pattern,
            allowedValues: enumeration.map { values in
                // A nullable enumeration lists null too: JSON Schema checks `type` and `enum` separately.
                values.map { AnyCodable($0) } + (nullable ? [AnyCodable(String?.none)] : [])
            })
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, nullable: Bool = false) -> JSONSchema {
        .integer(nullable: nullable, maximum: maximum.map { ($0, exclusive: false) }, minimum: minimum.map { ($0, exclusive: false) })
    }

    static func number(minimum: Double? = nil, maximum: Double? = nil, nullable: Bool = false) -> JSONSchema {
        .number(nullable: nullable, maximum: maximum.map { ($0, exclusive: false) }, minimum: minimum.map { ($0, exclusive: false) })
    }

    static let boolean: JSONSchema = .boolean
    /// Any JSON value (`{}`).
    static let any: JSONSchema = .fragment

    static func array(_ items: JSONSchema) -> JSONSchema {
        .array(items: items)
    }

    /// An object whose every value matches `values`.
    static func map(_ values: JSONSchema) -> JSONSchema {
        .object(additionalProperties: .b(values))
    }

    /// The component schema `name`.
    static func reference(_ name: String) -> JSONSchema {
        .reference(.component(named: name))
    }

    /// `{data, meta}` around `data`.
    static func envelope(_ data: JSONSchema, meta: JSONSchema = object()) -> JSONSchema {
        object(required: ["data": data, "meta": meta])
    }

    /// A list envelope with the seed's page meta.
    static func page(_ item: JSONSchema) -> JSONSchema {
        envelope(array(item), meta: reference("PageMeta"))
    }

    /// `{data, meta}` of an answer built on prices and results: `meta` says where they come from (`market`) besides
    /// its `fields`.
    static func priced(_ data: JSONSchema, meta fields: OrderedDictionary<String, JSONSchema> = [:]) -> JSONSchema {
        var meta = fields
        meta["market"] = reference("Market")
        return envelope(data, meta: object(required: meta))
    }

    /// A list envelope of prices and results: the seed's page meta and `market`.
    static func pricedPage(_ item: JSONSchema) -> JSONSchema {
        envelope(array(item), meta: reference("PricedPageMeta"))
    }

    // MARK: Shared schemas

    static let dateTime: JSONSchema = string(format: .dateTime)
    static let nullableDateTime: JSONSchema = string(format: .dateTime, nullable: true)
    static let date: JSONSchema = string(format: .date)
    /// A calendar day or a timestamp.
    static let dayOrTimestamp: JSONSchema = .any(of: [date, dateTime])
    /// A row id in a path or query.
    static let rowID: JSONSchema = integer(minimum: 1, maximum: Int.max)
    /// A sport key (`baseball_mlb`).
    static let sport: JSONSchema = string(pattern: "^[a-z0-9_]{1,32}$", minLength: 1, maxLength: 32)
    /// A job type: dotted lowercase words.
    static let jobType: JSONSchema = string(pattern: #"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"#, maxLength: 64)
    /// A queue name.
    static let queueName: JSONSchema = string(pattern: "^[a-z0-9._-]{1,64}$", minLength: 1, maxLength: 64)
    /// A job id (26 characters of Crockford base32).
    static let jobID: JSONSchema = string(pattern: "^[0-9A-HJKMNP-TV-Z]{26}$")

    // MARK: Shared enumerations

    static let jobStates: [String] = ["waiting", "scheduled", "queued", "running", "succeeded", "retrying", "dead", "cancelled"]
    static let betTypes: [String] = ["spread", "moneyline", "total", "player_prop"]
    static let tiers: [String] = ["A", "B", "C", "D"]
    static let results: [String] = ["win", "loss", "push"]
    static let publications: [String] = ["open", "game_day"]
    static let gameStatuses: [String] = ["scheduled", "in_progress", "final", "postponed", "cancelled"]
    static let modelStatuses: [String] = ["champion", "challenger", "shadow", "retired"]
}
