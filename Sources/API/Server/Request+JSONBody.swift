import Essentials
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// Decodes the JSON body as `T`, answering 400 with the reason (malformed JSON, a missing
    /// field, a wrong type) and 413 past `limit` bytes.
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: APIRequestContext, limit: Int) async throws -> T {
        let buffer: ByteBuffer
        // Hummingbird reports an oversized body as a 413 HTTPError or, depending on how the body arrived, as NIO's
        // NIOTooManyBytesError (the API fuzz found the second answered 500); both are the same 413.
        do {
            buffer = try await collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limit)
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, code: "INVALID_JSON", "the request body is empty; a JSON object is expected")
        }
        let data = Data(buffer.readableBytesView)
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw APIError(.badRequest, code: "INVALID_JSON", "the request body is not valid JSON")
        }
        do {
            return try context.requestDecoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError.decoding(error)
        }
    }

    /// `decodeJSON` for a body of a few short fields (credentials, a code, a role, a reason): capped at 8 KiB, or at
    /// `limit` when that is lower, so nothing larger is read for it.
    mutating func decodeShortJSON<T: Decodable>(_ type: T.Type, context: APIRequestContext, limit: Int) async throws -> T {
        try await decodeJSON(type, context: context, limit: min(limit, 8192))
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "PAYLOAD_TOO_LARGE", "the request body is larger than \(limit) bytes",
            details: ["limit_bytes": .integer(Int64(limit))])
    }
}
