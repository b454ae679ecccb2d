import API
import Jobs

extension ReadCache {
    /// Makes stale what `change` wrote: its games' own entries (every game's, when they are not known) and the lists
    /// of its sport.
    func invalidate(after change: CollectionChange) async throws {
        let games = change.gameIDs.map { $0.map(ReadCache.Scope.game) } ?? [.everyGame]
        try await invalidate(games + [.sport(change.sport)])
    }
}
