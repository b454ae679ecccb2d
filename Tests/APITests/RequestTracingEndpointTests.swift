import API
import Foundation
import HTTPTypes
import Store
import Testing

/// Request tracing over real HTTP: a caller's trace is joined, a request without one starts its own, and every answer,
/// an error's too, says its span and its time in the API.
struct RequestTracingEndpointTests {
    @Test func theCallersTraceIsJoinedAndEveryAnswerCarriesItsSpanAndTime() async throws {
        let harness = try await APITestHarness.make()
        try await harness.run { client in
            let caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            let joined = try await client.request(.get, "/health/live", headers: [HTTPField.Name("traceparent")!: caller])
            let span = try #require(joined.headers[HTTPField.Name("traceparent")!])
            #expect(span.hasPrefix("00-4bf92f3577b34da6a3ce929d0e0e4736-") && span != caller && span.hasSuffix("-01"), "\(span)")
            let timing = try #require(joined.headers[HTTPField.Name("Server-Timing")!])
            #expect(timing.hasPrefix("app;dur=") && Double(timing.dropFirst(8)) != nil, "\(timing)")

            let fresh = try await client.request(.get, "/api/v1/predictions")
            #expect(fresh.status == .unauthorized)
            let own = try #require(fresh.headers[HTTPField.Name("traceparent")!])
            #expect(own.count == 55 && !own.contains("4bf92f3577b34da6a3ce929d0e0e4736"), "\(own)")
            let malformed = try await client.request(.get, "/health/live", headers: [HTTPField.Name("traceparent")!: "00-nonsense"])
            #expect(malformed.headers[HTTPField.Name("traceparent")!]?.count == 55)
        }
    }

    /// A job submitted in a traced request carries the trace: its record (and the worker's log lines of its run) name the
    /// request's trace id.
    @Test func aSubmittedJobJoinsTheRequestsTrace() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        try await harness.run(as: admin) { client, token in
            let caller = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
            let submitted = try await client.request(
                .post, "/api/v1/jobs", token: token, body: #"{"type":"diag.noop","payload":{},"queue":"\#(harness.queueName)"}"#,
                headers: [HTTPField.Name("traceparent")!: caller])
            #expect(submitted.status == .created, "\(submitted.text)")
            #expect(submitted.data?["trace_id"]?.string == "0af7651916cd43dd8448eb211c80319c")
            let id = try #require(submitted.data?["id"]?.string)
            #expect(try await client.get("/api/v1/jobs/\(id)", token: token).data?["trace_id"]?.string == "0af7651916cd43dd8448eb211c80319c")
            // Without a caller's trace the job joins the one the request started.
            let own = try await client.post("/api/v1/jobs", token: token, json: #"{"type":"diag.noop","payload":{},"queue":"\#(harness.queueName)"}"#)
            let span = try #require(own.headers[HTTPField.Name("traceparent")!])
            #expect(own.data?["trace_id"]?.string == String(span.split(separator: "-")[1]))
        }
    }
}
