import Essentials
import Foundation
import HTTPTypes
import Postgres
import Store

/// An error answered to the client as `{"error": {"code", "message", "details"}}`.
///
/// Codes are stable, upper snake case, and part of the API contract; messages are for
/// people and may change.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable machine-readable code (`JOB_NOT_FOUND`).
    public var code: String
    /// What went wrong, for a person.
    public var message: String
    /// Fields that say more: the offending field, the id that was not found, limits.
    public var details: [String: JSONValue]
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// An error with its status, code, message and details.
    public init(
        _ status: HTTPResponse.Status, code: String, _ message: String, details: [String: JSONValue] = [:],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// 400 `VALIDATION_FAILED` for a field with a bad value.
    static func validation(_ message: String, field: String) -> APIError {
        APIError(.badRequest, code: "VALIDATION_FAILED", message, details: ["field": .string(field)])
    }

    /// 404 (or `status`) `code` for the row `id` that does not exist: "`noun` with ID `id` not found", the id under
    /// `key` in the details.
    static func notFound(
        _ noun: String, id: Int, code: String, key: String, status: HTTPResponse.Status = .notFound
    ) -> APIError {
        APIError(status, code: code, "\(noun) with ID \(id) not found", details: [key: .integer(Int64(id))])
    }

    /// 404 `USER_NOT_FOUND`.
    static func userNotFound(_ id: UUID) -> APIError {
        let text = AuthRoutes.userID(id)
        return APIError(.notFound, code: "USER_NOT_FOUND", "User with ID \(text) not found", details: ["user_id": .string(text)])
    }

    /// 409 `code`: the user `userID` is not in a state the change can be made in.
    static func userConflict(code: String, _ message: String, userID: UUID) -> APIError {
        APIError(.conflict, code: code, message, details: ["user_id": .string(AuthRoutes.userID(userID))])
    }

    /// 401 `UNAUTHORIZED`, with the reason in the details.
    static func unauthorized(_ message: String, reason: String) -> APIError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Bearer"
        return APIError(.unauthorized, code: "UNAUTHORIZED", message, details: ["reason": .string(reason)], headers: headers)
    }

    /// 429 with `Retry-After`.
    static func tooManyRequests(code: String, _ message: String, retryAfterSeconds: Int) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(retryAfterSeconds)
        return APIError(
            .tooManyRequests, code: code, message, details: ["retry_after_seconds": .number(Double(retryAfterSeconds))],
            headers: headers)
    }
}
