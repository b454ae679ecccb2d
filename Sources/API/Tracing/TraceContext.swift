import Essentials

/// A W3C Trace Context (`traceparent`, version 00): the trace a request belongs to and one span of it.
///
/// Only the header's syntax is here, without I/O, so the rules are unit-tested: a malformed header (wrong lengths,
/// upper-case hex, an all-zero id, version `ff`) is ignored and a new trace started, as the recommendation says.
struct TraceContext: Sendable, Equatable {
    /// 32 lower-case hex digits, not all zero.
    var traceID: String
    /// 16 lower-case hex digits, not all zero.
    var spanID: String
    /// Whether the caller records this trace (flag 01).
    var sampled: Bool

    /// The header's value for this span.
    var traceparent: String { "00-\(traceID)-\(spanID)-\(sampled ? "01" : "00")" }

    /// Parses a `traceparent` header; nil when it is malformed. A later version's header is read by version 00's
    /// fields, as the recommendation asks, and may carry more after them.
    init?(traceparent text: String) {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4, let version = fields.first, Self.isHex(version, count: 2), version != "ff",
            version != "00" || fields.count == 4,
            Self.isHex(fields[1], count: 32), Self.isHex(fields[2], count: 16), Self.isHex(fields[3], count: 2),
            fields[1].contains(where: { $0 != "0" }), fields[2].contains(where: { $0 != "0" }),
            let flags = UInt8(fields[3], radix: 16)
        else { return nil }
        self.init(traceID: String(fields[1]), spanID: String(fields[2]), sampled: flags & 1 == 1)
    }

    init(traceID: String, spanID: String, sampled: Bool) {
        self.traceID = traceID
        self.spanID = spanID
        self.sampled = sampled
    }

    /// A new trace, sampled.
    static func random() -> TraceContext {
        TraceContext(traceID: randomID(bytes: 16), spanID: randomID(bytes: 8), sampled: true)
    }

    /// A span of this trace under this one: the same trace, a new span id.
    func child() -> TraceContext {
        TraceContext(traceID: traceID, spanID: Self.randomID(bytes: 8), sampled: sampled)
    }

    /// `count` random bytes in hex, not all zero.
    private static func randomID(bytes count: Int) -> String {
        var bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max) }
        if bytes.allSatisfy({ $0 == 0 }) { bytes[count - 1] = 1 }
        return Hex.encode(bytes)
    }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
