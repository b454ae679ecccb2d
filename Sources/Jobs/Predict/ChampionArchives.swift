import Foundation
import ML
import Store
import Synchronization

/// The decoded archives of the champions (and shadow models) `predict` has used, keyed by model id and artifact hash.
///
/// `predict` runs every minute in development and hourly in production, and a champion changes at most
/// nightly: reading the artifact and decoding it on every run would repeat the same work. The catalogue
/// row (without the artifact) is read each run, so a promotion, a rollback or a reinstatement is seen at
/// once; the artifact is read only for a model id and hash not decoded before.
final class ChampionArchives: Sendable {
    private let decoded = Mutex<[Int: (sha256: String, archive: ModelArchive)]>([:])

    /// The archive of `champion`, decoded once per model id and artifact hash; nil if the model is gone.
    func archive(of champion: ModelSummary, in store: Store) async throws -> ModelArchive? {
        if let cached = decoded.withLock({ $0[champion.id] }), cached.sha256 == champion.artifactSHA256 { return cached.archive }
        guard let model = try await store.models.find(id: champion.id) else { return nil }
        let archive = try ModelArchive.decode(Array(model.artifact))
        decoded.withLock { cache in
            // Only champions and shadows are asked for; models no longer asked for are dropped when the cache fills.
            if cache.count >= 64 { cache.removeAll() }
            cache[champion.id] = (model.artifactSHA256, archive)
        }
        return archive
    }
}
