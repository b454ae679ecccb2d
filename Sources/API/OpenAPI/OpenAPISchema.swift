import Essentials
import Postgres
import Store

/// Small builders for OpenAPI 3.1 (JSON Schema 2020-12) fragments.
enum OpenAPISchema {
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static func string(
        format: String? = nil, enumeration: [String]? = nil, pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil,
        nullable: Bool = false
    ) -> JSONValue {
        var schema: [String: JSONValue] = ["type": nullable ? .array(["string", "null"]) : "string"]
        if let format { schema["format"] = .string(format) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let minLength { schema["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { schema["maxLength"] = .integer(Int64(maxLength)) }
        if let enumeration { schema["enum"] = .array(enumeration.map { .string($0) } + (nullable ? [.null] : [])) }
        return .object(schema)
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, nullable: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = ["type": nullable ? .array(["integer", "null"]) : "integer"]
        if let minimum { schema["minimum"] = .integer(Int64(minimum)) }
        if let maximum { schema["maximum"] = .integer(Int64(maximum)) }
        return .object(schema)
    }

    static func number(minimum: Double? = nil, maximum: Double? = nil, nullable: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = ["type": nullable ? .array(["number", "null"]) : "number"]
        if let minimum { schema["minimum"] = .number(minimum) }
        if let maximum { schema["maximum"] = .number(maximum) }
        return .object(schema)
    }

    /// A job type: dotted lowercase words.
    static let jobType = string(pattern: #"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"#, maxLength: 64)
    /// A queue name.
    static let queueName = string(pattern: "^[a-z0-9._-]{1,64}$", minLength: 1, maxLength: 64)
    /// A job id (26 characters of Crockford base32).
    static let jobID = string(pattern: "^[0-9A-HJKMNP-TV-Z]{26}$")
    /// A calendar day or a timestamp.
    static let dayOrTimestamp: JSONValue = ["anyOf": [string(format: "date"), string(format: "date-time")]]

    static let boolean: JSONValue = .object(["type": "boolean"])
    static let any: JSONValue = .object([:])

    static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": "array", "items": items])
    }

    static func map(_ values: JSONValue) -> JSONValue {
        .object(["type": "object", "additionalProperties": values])
    }

    static func reference(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    /// `{data, meta}` around `data`.
    static func envelope(_ data: JSONValue, meta: JSONValue = object([:])) -> JSONValue {
        object(["data": data, "meta": meta], required: ["data", "meta"])
    }

    /// A list envelope with the seed's page meta.
    static func page(_ item: JSONValue) -> JSONValue {
        envelope(array(item), meta: reference("PageMeta"))
    }
}
