/// How fresh a read must be, chosen at each call site that reads through a `PostgresReadRouter`.
///
/// Anything that must see its own writes (sign-in, sessions, read-backs after a submission, admin changes) reads
/// `.primary`. Listings and reports that tolerate data a few seconds old read `.boundedStaleness` and go to the
/// replica while it keeps up.
public enum ReadConsistency: Sendable, Hashable {
    /// The primary, always: the read sees every write committed before it.
    case primary
    /// The replica while every commit older than the router's `maximumLag` is known to be replayed there,
    /// else the primary.
    case boundedStaleness
    /// As `boundedStaleness`, and the replica must also hold every commit acknowledged before `instant` (of this
    /// process's `ContinuousClock`): for a read that follows an event this process saw, such as a cache
    /// invalidation another process made after its commit.
    case committedBefore(ContinuousClock.Instant)
}
