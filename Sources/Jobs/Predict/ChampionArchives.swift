import Foundation
import Metrics
import ML
import Store
import Synchronization

/// The decoded archives of the champions (and shadow models) `predict` has used, keyed by model id and artifact
/// hash: the seed's in-memory model-artifact cache (24 hours, invalidated on promotion).
///
/// `predict` runs every minute in development and hourly in production, and a champion changes at most
/// nightly: reading the artifact and decoding it on every run would repeat the same work. The catalogue
/// row (without the artifact) is read each run, so a promotion, a rollback or a reinstatement is seen at
/// once: the new champion's id and hash miss. An archive is also read again once it is `lifetime` old, so a process
/// never holds one longer than the seed's day. Lookups count as `aips_cache_requests_total{cache="model_artifacts"}`.
final class ChampionArchives: Sendable {
    private let decoded = Mutex<[Int: (sha256: String, archive: ModelArchive, loadedAt: ContinuousClock.Instant)]>([:])
    private let lifetime: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let hits: Counter
    private let misses: Counter

    /// Archives kept `lifetime` (the seed's 24 hours) on the clock `now`, their lookups counted through `metrics`.
    init(
        lifetime: Duration = .seconds(86_400), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.lifetime = lifetime
        self.now = now
        hits = Counter(label: "aips_cache_requests_total", dimensions: [("cache", "model_artifacts"), ("result", "hit")], factory: metrics)
        misses = Counter(label: "aips_cache_requests_total", dimensions: [("cache", "model_artifacts"), ("result", "miss")], factory: metrics)
    }

    /// The archive of `champion`, decoded once per model id and artifact hash and day; nil if the model is gone.
    func archive(of champion: ModelSummary, in store: Store) async throws -> ModelArchive? {
        let instant = now()
        if let cached = decoded.withLock({ $0[champion.id] }), cached.sha256 == champion.artifactSHA256,
            cached.loadedAt.duration(to: instant) < lifetime
        {
            hits.increment()
            return cached.archive
        }
        misses.increment()
        guard let model = try await store.models.find(id: champion.id) else { return nil }
        let archive = try ModelArchive.decode(Array(model.artifact))
        decoded.withLock { cache in
            // Only champions and shadows are asked for; models no longer asked for are dropped when the cache fills.
            if cache.count >= 64 { cache.removeAll() }
            cache[champion.id] = (model.artifactSHA256, archive, instant)
        }
        return archive
    }
}
