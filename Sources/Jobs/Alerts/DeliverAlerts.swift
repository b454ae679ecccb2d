import Queue

/// `alerts.deliver`: POSTs users' new alerts to their webhooks (`AlertDeliverer`).
public struct DeliverAlerts: JobParameters, Equatable {
    public static let jobType = "alerts.deliver"
    public static let defaultQueue = "predict"

    /// The most alerts one run claims (default 1,000, at most 10,000); the rest wait for the next run.
    public var limit: Int?

    /// Parameters; `nil` takes the default.
    public init(limit: Int? = nil) {
        self.limit = limit
    }

    public func validate() throws {
        if let limit, !(1...10_000).contains(limit) { throw QueueError(.invalidRequest, "limit: must be 1…10000") }
    }
}
