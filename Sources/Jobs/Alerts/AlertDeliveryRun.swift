/// What one `alerts.deliver` run did: the job's result.
public struct AlertDeliveryRun: Codable, Sendable, Equatable {
    /// Webhooks POSTed to.
    public var webhooks = 0
    /// Alerts their endpoints accepted (a 2xx).
    public var delivered = 0
    /// Alerts left for the next run: no answer, or not a 2xx.
    public var failed = 0
    /// Alerts not sent because this worker cannot open their webhook's sealed secret (`AlertSigningError`); they wait
    /// for a worker that can, and nothing is counted against the webhook.
    public var unsigned = 0

    /// An empty run.
    public init() {}
}
