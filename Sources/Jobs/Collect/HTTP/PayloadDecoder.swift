import Foundation

/// Decodes upstream JSON into wire types, turning decoding failures into `CollectorError(.invalidPayload)`
/// that say where the payload broke.
enum PayloadDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from response: UpstreamResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = UpstreamTime.instant(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text.prefix(40))\" is not a UTC timestamp")
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: response.body)
        } catch let error as DecodingError {
            throw CollectorError(
                .invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status,
                message: describe(error) + " (\(response.body.count) bytes)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return joined.isEmpty ? "the body" : joined
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)) is missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context): return "\(path(context)) should be \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) should be \(type), not null"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
                + (context.underlyingError.map { " (\($0.localizedDescription))" } ?? "")
        @unknown default: return "\(error)"
        }
    }
}
