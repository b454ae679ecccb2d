/// A job waiting for its parents, with the parents it still waits for.
public struct WaitingChild: Sendable, Equatable {
    public var id: String
    public var parents: [String]
}
