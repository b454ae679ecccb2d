import Foundation

/// The daily report of one sport (seed 5.3): the day's picks and results, accuracy by tier and bet type,
/// CLV, ROI and sharp agreement, the forecasts' log loss, Brier and ECE, the best picks and the notable misses.
///
/// A day is a UTC calendar day of the games' scheduled starts, as in `GET /predictions?date=`.
/// Stored as JSON in `daily_reports.report`, with the snake_case keys the API serves.
public struct DailyReport: Sendable, Equatable, Codable {
    /// The day, `YYYY-MM-DD` (UTC).
    public var day: String
    /// The sport code.
    public var sport: String
    /// When the report was built.
    public var generatedAt: Date
    /// All of the day's graded predictions together.
    public var summary: PredictionPerformance
    /// By tier, A to D.
    public var byTier: [PredictionPerformance]
    /// By bet type.
    public var byBetType: [PredictionPerformance]
    /// The same measures over the 30 days up to the end of `day`, for context.
    public var trailing30Days: PredictionPerformance
    /// Every settled pick of the day, in order of game start.
    public var results: [ReportedPrediction]
    /// The best wins: most profit, then most edge.
    public var topPredictions: [ReportedPrediction]
    /// The worst losses: the most confident first.
    public var notableMisses: [ReportedPrediction]

    /// Creates a report.
    public init(
        day: String, sport: String, generatedAt: Date, summary: PredictionPerformance, byTier: [PredictionPerformance],
        byBetType: [PredictionPerformance], trailing30Days: PredictionPerformance, results: [ReportedPrediction],
        topPredictions: [ReportedPrediction], notableMisses: [ReportedPrediction]
    ) {
        self.day = day
        self.sport = sport
        self.generatedAt = generatedAt
        self.summary = summary
        self.byTier = byTier
        self.byBetType = byBetType
        self.trailing30Days = trailing30Days
        self.results = results
        self.topPredictions = topPredictions
        self.notableMisses = notableMisses
    }

    /// The UTC calendar day of `date` as `YYYY-MM-DD`.
    public static func day(of date: Date) -> String {
        DateText.day(of: date, in: DateText.utc)
    }

    /// Midnight UTC starting the day `YYYY-MM-DD`, or `nil` when `day` is not a real calendar day.
    public static func start(ofDay day: String) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let dayOfMonth = Int(parts[2]), (1...9999).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth)),
            Self.day(of: date) == day
        else { return nil }
        return date
    }

    enum CodingKeys: String, CodingKey {
        case day, sport
        case generatedAt = "generated_at"
        case summary
        case byTier = "by_tier"
        case byBetType = "by_bet_type"
        case trailing30Days = "trailing_30_days"
        case results
        case topPredictions = "top_predictions"
        case notableMisses = "notable_misses"
    }
}
