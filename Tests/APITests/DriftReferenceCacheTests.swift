import Foundation
import Store
import Testing

@testable import API

/// The drift endpoint's cache of training windows: read once per model while fresh, again once stale, and the least
/// recently read model dropped past the capacity.
struct DriftReferenceCacheTests {
    static func window(_ days: Double) -> ModelDriftSample.Window {
        ModelDriftSample.Window(from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: days * 86_400), sets: [])
    }

    @Test func readsEachModelOnceWhileFreshAndDropsTheLeastRecentlyRead() async throws {
        let cache = DriftReferenceCache(capacity: 2, lifetime: .seconds(3_600))
        var loads = 0
        for _ in 0..<3 {
            let window = try await cache.reference(modelID: 1) {
                loads += 1
                return Self.window(1)
            }
            #expect(window.to == Self.window(1).to)
        }
        #expect(loads == 1)
        _ = try await cache.reference(modelID: 2) { Self.window(2) }
        _ = try await cache.reference(modelID: 1) { Self.window(1) }
        _ = try await cache.reference(modelID: 3) { Self.window(3) }
        #expect(await cache.modelIDs == [1, 3], "model 2 was read least recently")

        let stale = DriftReferenceCache(capacity: 2, lifetime: .zero)
        _ = try await stale.reference(modelID: 1) { Self.window(1) }
        let reread = try await stale.reference(modelID: 1) { Self.window(5) }
        #expect(reread.to == Self.window(5).to)
    }
}
