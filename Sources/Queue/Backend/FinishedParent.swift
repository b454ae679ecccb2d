/// A parent in a queue's outbox: it ended, and these children (in any queue) must hear how.
public struct FinishedParent: Sendable, Equatable {
    public var id: String
    public var outcome: ParentOutcome
    public var children: [JobReference]

    public init(id: String, outcome: ParentOutcome, children: [JobReference]) {
        self.id = id
        self.outcome = outcome
        self.children = children
    }
}
