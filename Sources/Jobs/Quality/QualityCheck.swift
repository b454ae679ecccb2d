import Queue

/// `quality.check`: the seed's data-quality rules for one sport, each result recorded in `data_quality_checks`.
public struct QualityCheck: JobParameters, Equatable {
    public static let jobType = "quality.check"
    public static let defaultQueue = "collect"

    /// The platform's sport code (`nba`); `nil` (a scheduled `{}`): every sport the workers are configured for.
    public var sport: String?
    /// The games checked: those starting in the next `windowHours` hours (default 24).
    public var windowHours: Int?

    /// Parameters for `sport`.
    public init(sport: String?, windowHours: Int = 24) {
        self.sport = sport
        self.windowHours = windowHours
    }

    public func validate() throws {
        guard sport.map({ CollectedSport.named($0) != nil }) ?? true else {
            throw QueueError(.invalidRequest, "unknown sport \"\(sport?.prefix(40) ?? "")\"")
        }
        if let windowHours, !(1...336).contains(windowHours) { throw QueueError(.invalidRequest, "windowHours must be 1…336") }
    }
}
