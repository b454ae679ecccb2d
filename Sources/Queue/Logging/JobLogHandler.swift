import Logging

/// A handler that lays one job's metadata (its id, type, attempt, and what its handler adds) over the worker's
/// handler, and hands it to that handler only when a line is written.
///
/// Why: setting metadata on swift-log's `StreamLogHandler` renders the whole set again on every change. Three keys a
/// job cost the worker 11 % of its CPU on no-op jobs in `bench/queue.sh` (perf), though a job that logs nothing at
/// the level set never needed them rendered.
struct JobLogHandler: LogHandler {
    /// The worker's handler.
    private var base: any LogHandler
    /// The job's metadata; it wins over the base's for the same key.
    private var job: Logger.Metadata

    init(base: any LogHandler, metadata: Logger.Metadata) {
        self.base = base
        self.job = metadata
    }

    var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    var metadata: Logger.Metadata {
        get { base.metadata.merging(job) { $1 } }
        set {
            job = newValue
            if !base.metadata.isEmpty { base.metadata = [:] }
        }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { job[key] ?? base[metadataKey: key] }
        set {
            job[key] = newValue
            // A removed key must not show through from the base.
            if newValue == nil, base[metadataKey: key] != nil { base[metadataKey: key] = nil }
        }
    }

    func log(event: LogEvent) {
        var event = event
        event.metadata = job.merging(event.metadata ?? [:]) { $1 }
        base.log(event: event)
    }
}
