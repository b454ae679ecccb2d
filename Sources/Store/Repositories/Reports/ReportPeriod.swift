import Foundation

/// A week or a month of US Eastern days, the span of a weekly or monthly report (seed 5.3).
///
/// Weeks are ISO 8601 weeks (`2026-W48`: Monday to Sunday, week 1 holding the year's first Thursday); months
/// are calendar months (`2026-11`). Both start at midnight US Eastern, so a game belongs to the period of its
/// local start day — a 22:00 ET game on the Sunday ending a week is in that week, although it is Monday in UTC.
public struct ReportPeriod: Sendable, Equatable {
    /// The period's name: `2026-W48` or `2026-11`.
    public var name: String
    /// Midnight US Eastern starting the first day.
    public var start: Date
    /// Midnight US Eastern after the last day.
    public var end: Date
    /// The first day, `YYYY-MM-DD` (US Eastern).
    public var firstDay: String
    /// The last day, `YYYY-MM-DD` (US Eastern).
    public var lastDay: String

    /// The zone of report days.
    public static let timeZone = TimeZone(identifier: "America/New_York")!

    /// The ISO week `text` (`YYYY-Www`, week 01–53 where the year has it); `nil` for anything else.
    public static func week(_ text: String) -> ReportPeriod? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
            let year = digits(bytes[0..<4]), let week = digits(bytes[6..<8]), (1970...9999).contains(year), (1...53).contains(week)
        else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(weekday: 2, weekOfYear: week, yearForWeekOfYear: year)),
            calendar.component(.weekOfYear, from: start) == week, calendar.component(.yearForWeekOfYear, from: start) == year,
            let end = calendar.date(byAdding: .day, value: 7, to: start)
        else { return nil }
        return ReportPeriod(name: text, start: start, end: end)
    }

    /// The month `text` (`YYYY-MM`); `nil` for anything else.
    public static func month(_ text: String) -> ReportPeriod? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]),
            (1970...9999).contains(year), (1...12).contains(month)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let end = calendar.date(byAdding: .month, value: 1, to: start)
        else { return nil }
        return ReportPeriod(name: text, start: start, end: end)
    }

    private init(name: String, start: Date, end: Date) {
        self.name = name
        self.start = start
        self.end = end
        firstDay = Self.day(of: start)
        // Noon of the last day: an hour's daylight-saving shift cannot move it to another day.
        lastDay = Self.day(of: end.addingTimeInterval(-12 * 3_600))
    }

    /// The US Eastern day of `date`, `YYYY-MM-DD`.
    public static func day(of date: Date) -> String {
        DateText.day(of: date, in: timeZone)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
