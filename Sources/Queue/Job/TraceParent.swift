/// The trace id a W3C `traceparent` header names (`00-<32 hex digits>-<16 hex digits>-<flags>`), as a job carries its
/// submitter's: the API parses the header in full (`TraceContext`); a job's record and log lines need only the id.
enum TraceParent {
    /// The trace id of `header`, or nil when it is malformed.
    static func traceID(_ header: String) -> String? {
        let parts = header.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[1].count == 32, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return String(parts[1])
    }
}
