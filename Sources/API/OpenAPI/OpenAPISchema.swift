/// Small builders for OpenAPI 3.1 (JSON Schema 2020-12) fragments.
enum OpenAPISchema {
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static func string(format: String? = nil, enumeration: [String]? = nil, nullable: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = ["type": nullable ? .array(["string", "null"]) : "string"]
        if let format { schema["format"] = .string(format) }
        if let enumeration { schema["enum"] = .array(enumeration.map { .string($0) } + (nullable ? [.null] : [])) }
        return .object(schema)
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, nullable: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = ["type": nullable ? .array(["integer", "null"]) : "integer"]
        if let minimum { schema["minimum"] = .integer(Int64(minimum)) }
        if let maximum { schema["maximum"] = .integer(Int64(maximum)) }
        return .object(schema)
    }

    static func number(nullable: Bool = false) -> JSONValue {
        .object(["type": nullable ? .array(["number", "null"]) : "number"])
    }

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
