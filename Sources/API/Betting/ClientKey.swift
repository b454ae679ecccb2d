import HTTPTypes
import Hummingbird

/// The idempotency key of a create: the `Idempotency-Key` header or the body's `client_key` (the same value when
/// both are sent).
enum ClientKey {
    static let header = HTTPField.Name("Idempotency-Key")!

    /// The request's key, or `nil`; a 400 for an empty, over-long or control-character key, or two different keys.
    static func of(_ request: Request, body: String?) throws -> String? {
        let fromHeader = request.headers[header]
        if let fromHeader, let body, fromHeader != body {
            throw APIError.validation("the Idempotency-Key header and client_key differ; send one key", field: "client_key")
        }
        guard let key = fromHeader ?? body else { return nil }
        guard (1...200).contains(key.count), !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw APIError.validation("client_key must be 1 to 200 characters without control characters", field: "client_key")
        }
        return key
    }
}
