/// A sandbox server that is accepting requests.
public struct RunningSandbox: Sendable {
    /// `http://host:port`: the base URL for every upstream the sandbox plays.
    public let baseURL: String
    /// The world served.
    public let world: SandboxWorld
    /// The replayed world served, if the sandbox replays one.
    public let replay: ReplayWorld?
    /// The world's clock (advance it to move time on).
    public let clock: SandboxClock
    /// Faults to serve instead of good responses.
    public let faults: FaultPlan
    /// What webhooks POSTed to `/sandbox/v1/webhooks/{inbox}`.
    public let webhooks: WebhookInbox
}
