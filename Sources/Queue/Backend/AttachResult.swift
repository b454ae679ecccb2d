/// The parent side of a dependency: whether the child was linked, or how the parent already stands.
public enum AttachResult: Sendable, Equatable {
    /// The parent has not ended; it tells the child when it does (through its outbox).
    case attached
    /// The parent ended already (or does not exist): the child must hear of it now.
    case ended(ParentOutcome)
}
