/// The limits every worker of a queue shares, as `JobQueue.setLimits` stored them.
public struct QueueLimits: Sendable, Equatable, Codable {
    /// At most this many jobs of the queue run at once across all workers; `nil` is no limit.
    public var concurrency: Int?
    /// At most `rate` starts per `ratePeriod`; `nil` is no limit.
    public var rate: Int?
    /// The window of `rate`; `nil` when there is no rate limit.
    public var ratePeriod: Duration?

    /// Limits as given; `nil` is no limit.
    public init(concurrency: Int? = nil, rate: Int? = nil, ratePeriod: Duration? = nil) {
        self.concurrency = concurrency
        self.rate = rate
        self.ratePeriod = ratePeriod
    }
}
