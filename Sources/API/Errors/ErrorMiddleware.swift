import Essentials
import Foundation
import Hummingbird
import Logging
import Postgres
import Queue
import Redis
import Store

/// Turns every error into the seed's error envelope with a stable code; nothing escapes as
/// a bare 500 and no internal detail (SQL, Redis replies) reaches the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// The served routes, to tell a wrong method (405 with `Allow`) from an unknown path (404).
    let routes: RouteLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, request: request, context: context, routes: routes)
            var response = try context.responseEncoder.encode(ErrorBody(apiError), from: request, context: context)
            response.status = apiError.status
            response.headers.append(contentsOf: apiError.headers)
            return response
        }
    }

    static func apiError(for error: any Error, request: Request, context: Context, routes: RouteLog) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as TokenError:
            return APIError.unauthorized("the bearer token was refused", reason: error.rawValue)
        case let error as HTTPError:
            return httpError(error, request: request, routes: routes)
        case let error as DecodingError:
            return APIError.decoding(error)
        case let error as QueueError:
            return queueError(error)
        case let error as StoreError:
            return storeError(error, context: context)
        case let error as RedisError:
            context.logger.error("redis failure", metadata: ["error": "\(error)"])
            return APIError(.serviceUnavailable, code: "DEPENDENCY_UNAVAILABLE", "a backing service is unavailable; try again")
        default:
            context.logger.error("unexpected failure", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
            return APIError(.internalServerError, code: "INTERNAL_ERROR", "an unexpected error occurred")
        }
    }

    private static func httpError(_ error: HTTPError, request: Request, routes: RouteLog) -> APIError {
        switch error.status {
        case .notFound:
            let allowed = Set(routes.methods(servedAt: request.uri.path[...])).sorted()
            if !allowed.isEmpty {
                var headers = HTTPFields()
                headers[.allow] = allowed.joined(separator: ", ")
                return APIError(
                    .methodNotAllowed, code: "METHOD_NOT_ALLOWED", "\(request.method) is not allowed here; use \(allowed.joined(separator: " or "))",
                    details: ["allowed": .array(allowed.map { .string($0) })], headers: headers)
            }
            return APIError(.notFound, code: "ROUTE_NOT_FOUND", "no route for \(request.method) \(request.uri.path.prefix(200))")
        case .contentTooLarge:
            return APIError(.contentTooLarge, code: "PAYLOAD_TOO_LARGE", "the request body is too large")
        case .methodNotAllowed:
            return APIError(.methodNotAllowed, code: "METHOD_NOT_ALLOWED", "\(request.method) is not allowed here")
        default:
            let code = error.status.reasonPhrase.uppercased().replacingOccurrences(of: " ", with: "_")
            return APIError(error.status, code: code, error.body ?? error.status.reasonPhrase, headers: error.headers)
        }
    }

    private static func storeError(_ error: StoreError, context: Context) -> APIError {
        switch error.code {
        case .invalidInput:
            return APIError(.badRequest, code: "VALIDATION_FAILED", "a value holds a character that cannot be stored (such as NUL)")
        case .connectionFailed, .connectionClosed, .poolClosed:
            context.logger.error("database unavailable", metadata: ["error": "\(error)"])
            return APIError(.serviceUnavailable, code: "DEPENDENCY_UNAVAILABLE", "a backing service is unavailable; try again")
        default:
            context.logger.error("database failure", metadata: ["error": "\(error)"])
            return APIError(.internalServerError, code: "INTERNAL_ERROR", "an unexpected error occurred")
        }
    }

    private static func queueError(_ error: QueueError) -> APIError {
        var details: [String: JSONValue] = [:]
        if let id = error.jobID { details["job_id"] = .string(id) }
        if let queue = error.queue { details["queue"] = .string(queue) }
        switch error.code {
        case .invalidRequest: return APIError(.badRequest, code: "VALIDATION_FAILED", error.message, details: details)
        case .idempotencyConflict: return APIError(.conflict, code: "IDEMPOTENCY_CONFLICT", error.message, details: details)
        case .notFound: return APIError(.notFound, code: "JOB_NOT_FOUND", error.message, details: details)
        case .invalidState: return APIError(.conflict, code: "INVALID_JOB_STATE", error.message, details: details)
        case .staleFence: return APIError(.conflict, code: "STALE_FENCE", error.message, details: details)
        }
    }
}
