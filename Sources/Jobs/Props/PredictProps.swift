import Foundation
import Queue

/// `predict.props`: MLB batter-hits props for the upcoming games — each batter's expected hits from a
/// regression on his recent form, and the probabilities of more than 0.5 and more than 1.5 hits.
public struct PredictProps: JobParameters, Equatable {
    public static let jobType = "predict.props"
    public static let defaultQueue = "predict"

    /// The day whose games to predict, `YYYY-MM-DD` in MLB's Eastern time; `nil`: the games starting in the
    /// next 24 hours.
    public var date: String?

    /// Parameters; `nil`: the next 24 hours.
    public init(date: String? = nil) {
        self.date = date
    }

    public func validate() throws {
        if let date, Self.day(date) == nil { throw QueueError(.invalidRequest, "date: must be YYYY-MM-DD") }
    }

    /// The start and end of the Eastern day `text` (`YYYY-MM-DD`), or `nil` when it is not a date.
    static func day(_ text: String) -> (start: Date, end: Date)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { return nil }
        return (start, end)
    }
}
