import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Request tracing (seed: "Profile with request tracing"). Each request joins its caller's W3C trace (`traceparent`,
/// from a client or a proxy) or starts one, and gets a span of its own; both ids go on every log line of the request.
///
/// The response carries `traceparent` (the request's span, for the caller's own traces) and
/// `Server-Timing: app;dur=…` (milliseconds in the API, which browser tools and `curl -i` show). A request slower than
/// `slowThreshold` is logged as a warning with its route, status, time and trace id: the slow endpoint, and the log
/// lines of that very request, are one search away.
struct RequestTracingMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let slowThreshold: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let trace = request.headers[.traceparent].flatMap(TraceContext.init(traceparent:))?.child() ?? .random()
        var context = context
        context.trace = trace
        context.logger[metadataKey: "trace_id"] = .string(trace.traceID)
        context.logger[metadataKey: "span_id"] = .string(trace.spanID)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed / .milliseconds(1)
        response.headers[.traceparent] = trace.traceparent
        response.headers[.serverTiming] = "app;dur=" + String(format: "%.1f", milliseconds)
        if elapsed >= slowThreshold {
            context.logger.warning(
                "slow request",
                metadata: [
                    "method": "\(request.method)", "route": "\(context.endpointPath ?? request.uri.path)",
                    "status": "\(response.status.code)", "duration_ms": "\(String(format: "%.1f", milliseconds))",
                ])
        }
        return response
    }
}

extension HTTPField.Name {
    static let traceparent = Self("traceparent")!
    static let serverTiming = Self("Server-Timing")!
}
