import Queue

/// `monitor.drift`: how far each champion's features moved since its training (`DriftMonitor`).
public struct MonitorDrift: JobParameters, Equatable {
    public static let jobType = "monitor.drift"
    public static let defaultQueue = "predict"

    /// The sport; `nil`: every configured sport.
    public var sport: String?
    /// How many days back the current games reach (default `ModelDriftSample.defaultDays`, at most 365), as `GET /models/{id}/drift`'s `days`.
    public var days: Int?

    /// Parameters; `nil` fields take their defaults.
    public init(sport: String? = nil, days: Int? = nil) {
        self.sport = sport
        self.days = days
    }

    public func validate() throws {
        try ModelMarkets.validate(sport: sport)
        if let days, !(1...365).contains(days) { throw QueueError(.invalidRequest, "days: must be 1…365") }
    }
}
