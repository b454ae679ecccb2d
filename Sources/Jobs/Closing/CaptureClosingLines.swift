import Queue

/// `closing.capture`: stores, for each game that has started, every book's last price before the start:
/// the close that settlement measures CLV against.
public struct CaptureClosingLines: JobParameters, Equatable {
    public static let jobType = "closing.capture"
    public static let defaultQueue = "collect"

    /// The sport; `nil`: every configured sport.
    public var sport: String?
    /// How far back to look for started games without a close, in hours (default 12).
    public var lookbackHours: Double?

    /// Parameters; `nil` fields take their defaults.
    public init(sport: String? = nil, lookbackHours: Double? = nil) {
        self.sport = sport
        self.lookbackHours = lookbackHours
    }

    public func validate() throws {
        try ModelMarkets.validate(sport: sport)
        if let lookbackHours, !(lookbackHours > 0 && lookbackHours <= 24 * 31) {
            throw QueueError(.invalidRequest, "lookbackHours: must be more than 0 and at most 744")
        }
    }
}
