import Logging
import ServiceLifecycle

extension EngagementRecorder: Service {
    /// Flushes every `interval` until graceful shutdown or cancellation, then once more.
    ///
    /// List it after the Redis client in the service group, so it closes first and its last flush still reaches Redis.
    /// A failed flush is logged and retried at the next tick: tallies are kept, never dropped.
    public func run() async throws {
        let logger = Logger(label: "aips.engagement")
        // At least once, so a shutdown that came before the first tick still flushes.
        repeat {
            // Cancellation and graceful shutdown both end the sleep; the flush after it still runs.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            do { try await flush() } catch { logger.warning("engagement flush failed", metadata: ["error": "\(error)"]) }
        } while !Task.isCancelled && !Task.isShuttingDownGracefully
    }
}
