/// A parent in a queue's outbox: it ended, and these children (in any queue) must hear how.
public struct FinishedParent: Sendable, Equatable {
    public var id: String
    public var outcome: ParentOutcome
    public var children: [JobReference]
}
