import Foundation
import HTTPTypes
extension APIError {
    /// 400 `VALIDATION_FAILED` naming the field a `DecodingError` was about.
    static func decoding(_ error: DecodingError) -> APIError {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let joined = keys.map { $0.intValue.map { "[\($0)]" } ?? snakeCase($0.stringValue) }.joined(separator: ".")
            return joined.isEmpty ? "body" : joined.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return validation("\(path(context, key)) is required", field: path(context, key))
        case .typeMismatch(let type, let context):
            return validation("\(path(context)) must be \(describe(type))", field: path(context))
        case .valueNotFound(let type, let context):
            return validation("\(path(context)) must be \(describe(type)), not null", field: path(context))
        case .dataCorrupted(let context):
            return validation("\(path(context)) is invalid: \(context.debugDescription)", field: path(context))
        @unknown default:
            return APIError(.badRequest, code: "VALIDATION_FAILED", "the request body does not match the expected shape")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "of the documented type"
        }
    }

    private static func snakeCase(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
