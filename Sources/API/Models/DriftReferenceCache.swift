import Foundation
import Store

/// The reference windows (training games and their features) of the models whose drift was read lately, so that
/// `GET /models/{id}/drift` reads only the current window again: the reference, a model's whole training period, was
/// most of the endpoint's second. An entry serves for `lifetime` (features of past games are rewritten only by a
/// backfill); at most `capacity` models are kept, the least recently read going first.
actor DriftReferenceCache {
    private struct Entry {
        var window: ModelDriftSample.Window
        var storedAt: ContinuousClock.Instant
        var readAt: ContinuousClock.Instant
    }

    private let capacity: Int
    private let lifetime: Duration
    private var entries: [Int: Entry] = [:]

    init(capacity: Int = 16, lifetime: Duration = .seconds(3_600)) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// Model `modelID`'s reference window: kept, or read with `load` and kept.
    func reference(modelID: Int, load: () async throws -> ModelDriftSample.Window) async throws -> ModelDriftSample.Window {
        let now = ContinuousClock.now
        if var entry = entries[modelID], now - entry.storedAt < lifetime {
            entry.readAt = now
            entries[modelID] = entry
            return entry.window
        }
        let window = try await load()
        entries[modelID] = Entry(window: window, storedAt: now, readAt: now)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.readAt < $1.value.readAt })?.key {
            entries[oldest] = nil
        }
        return window
    }

    /// The models kept (tests).
    var modelIDs: Set<Int> { Set(entries.keys) }
}
