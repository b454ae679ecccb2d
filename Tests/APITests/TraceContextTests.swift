import Testing

@testable import API

/// The `traceparent` header's rules (W3C Trace Context, version 00), without I/O.
@Suite struct TraceContextTests {
    static let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test func aValidHeaderIsReadAndAChildKeepsItsTrace() throws {
        let context = try #require(TraceContext(traceparent: Self.valid))
        #expect(context.traceID == "4bf92f3577b34da6a3ce929d0e0e4736" && context.spanID == "00f067aa0ba902b7" && context.sampled)
        #expect(context.traceparent == Self.valid)
        let child = context.child()
        #expect(child.traceID == context.traceID && child.spanID != context.spanID && child.spanID.count == 16)
        #expect(TraceContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")?.sampled == false)
        // A later version is read by version 00's fields and may carry more.
        #expect(TraceContext(traceparent: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds") != nil)
    }

    @Test(arguments: [
        "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
    ])
    func aMalformedHeaderIsIgnored(header: String) {
        #expect(TraceContext(traceparent: header) == nil)
    }

    @Test func aNewTraceIsValid() throws {
        let trace = TraceContext.random()
        #expect(TraceContext(traceparent: trace.traceparent) == trace)
        #expect(trace.traceID.count == 32 && trace.spanID.count == 16)
    }
}
