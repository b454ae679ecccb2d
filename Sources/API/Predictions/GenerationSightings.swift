import Synchronization

/// When this process first saw the prediction cache's current generation.
///
/// A generation is bumped after the predictions it covers were committed, so every commit it covers was acknowledged
/// before this process first saw it: a replica that holds every commit before that instant serves a cache miss as
/// freshly as the primary, and what it serves may be cached for the generation's whole life.
final class GenerationSightings: Sendable {
    private let latest = Mutex<(generation: String, seen: ContinuousClock.Instant)?>(nil)

    /// The instant `generation` was first seen here (now, if this is the first time).
    func firstSeen(_ generation: String) -> ContinuousClock.Instant {
        latest.withLock { latest in
            if let latest, latest.generation == generation { return latest.seen }
            let now = ContinuousClock.now
            latest = (generation, now)
            return now
        }
    }
}
