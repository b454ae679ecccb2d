import Synchronization

/// When this process first saw each cache version (the generations of an entry's scopes).
///
/// A generation is bumped after the writes it covers were committed, so every commit it covers was acknowledged
/// before this process first saw it: a replica that holds every commit before that instant serves a cache miss as
/// freshly as the primary, and what it serves may be cached for the generation's whole life.
final class GenerationSightings: Sendable {
    /// The most versions remembered; past it they are forgotten and seen anew, which only asks more of the replica.
    static let capacity = 4096

    private let seen = Mutex<[String: ContinuousClock.Instant]>([:])

    /// The instant `version` was first seen here (now, if this is the first time).
    func firstSeen(_ version: String) -> ContinuousClock.Instant {
        seen.withLock { seen in
            if let instant = seen[version] { return instant }
            // A later instant than the true first sighting is still safe: the replica is asked to hold more.
            if seen.count >= Self.capacity { seen.removeAll(keepingCapacity: true) }
            let now = ContinuousClock.now
            seen[version] = now
            return now
        }
    }
}
