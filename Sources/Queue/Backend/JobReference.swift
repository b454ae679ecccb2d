/// A job named by its queue and id: enough to reach it without asking every queue.
public struct JobReference: Sendable, Hashable {
    public var queue: String
    public var id: String
}
