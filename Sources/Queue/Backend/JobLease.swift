/// A worker's hold on one running job: acks, heartbeats and progress must carry the current token.
public struct JobLease: Sendable, Hashable {
    public var id: String
    /// The token `reserve` handed out; a redelivered job gets a new one, so a stale holder is refused.
    public var token: String
}
