import Foundation
import Metrics
import ML
import Store
import Synchronization

/// The decoded archives of the champion and the shadow model of each market that `predict` has used: the seed's
/// in-memory model-artifact cache (24 hours, invalidated on promotion).
///
/// `predict` runs every minute in development and hourly in production, and a champion changes at most
/// nightly: reading the artifact and decoding it on every run would repeat the same work. The catalogue
/// row (without the artifact) is read each run, so a promotion, a rollback or a reinstatement is seen at
/// once: the new champion's id and hash miss. An archive is also read again once it is `lifetime` old, so a process
/// never holds one longer than the seed's day. Lookups count as `aips_cache_requests_total{cache="model_artifacts"}`.
///
/// One archive is held per market, publication and role: a new champion's replaces the one it retired, so the memory held is
/// bounded by the markets, however often models are promoted.
final class ChampionArchives: Sendable {
    /// Where an archive is held: a market's champion of a publication, or its model in shadow.
    private struct Slot: Hashable {
        var sport: String
        var betType: BetType
        var publication: PredictionPublication
        var shadow: Bool
    }

    private let decoded = Mutex<[Slot: (modelID: Int, sha256: String, archive: ModelArchive, loadedAt: ContinuousClock.Instant)]>([:])
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

    /// The archives held now (at most two per market and publication).
    var count: Int { decoded.withLock(\.count) }

    /// The archive of `champion` (or of a model in shadow), decoded once per model id and artifact hash and day; nil
    /// if the model is gone.
    func archive(of champion: ModelSummary, in store: Store) async throws -> ModelArchive? {
        let instant = now()
        let slot = Slot(
            sport: champion.sport, betType: champion.betType, publication: champion.publication, shadow: champion.status == .shadow)
        if let cached = decoded.withLock({ $0[slot] }), cached.modelID == champion.id, cached.sha256 == champion.artifactSHA256,
            cached.loadedAt.duration(to: instant) < lifetime
        {
            hits.increment()
            return cached.archive
        }
        misses.increment()
        guard let model = try await store.models.find(id: champion.id) else { return nil }
        let archive = try ModelArchive.decode(Array(model.artifact))
        decoded.withLock { $0[slot] = (champion.id, model.artifactSHA256, archive, instant) }
        return archive
    }
}
