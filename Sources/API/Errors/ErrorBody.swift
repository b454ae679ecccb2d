import Essentials
import Postgres
import Store

/// The seed's error envelope: `{"error": {"code", "message", "details"}}`.
struct ErrorBody: Encodable {
    struct Content: Encodable {
        var code: String
        var message: String
        var details: [String: JSONValue]
    }

    var error: Content

    init(_ error: APIError) {
        self.error = Content(code: error.code, message: error.message, details: error.details)
    }
}
