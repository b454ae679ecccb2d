import Foundation

/// Dates as the fixed-width text that reports and prediction hashes store: `YYYY-MM-DD` days and
/// `YYYY-MM-DDTHH:MM:SSZ` UTC timestamps, each part zero-padded, read from the Gregorian calendar rather than a
/// formatter so no locale or formatter setting can change a stored or hashed string.
enum DateText {
    /// The calendar day of `date` in `timeZone`, `YYYY-MM-DD`.
    static func day(of date: Date, in timeZone: TimeZone) -> String {
        let c = calendar(in: timeZone).dateComponents([.year, .month, .day], from: date)
        return "\(padded(c.year, 4))-\(padded(c.month))-\(padded(c.day))"
    }

    /// `date` in UTC, `YYYY-MM-DDTHH:MM:SSZ`; fractions of a second are dropped.
    static func utcTimestamp(_ date: Date) -> String {
        let c = calendar(in: utc).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(padded(c.year, 4))-\(padded(c.month))-\(padded(c.day))T\(padded(c.hour)):\(padded(c.minute)):\(padded(c.second))Z"
    }

    static let utc = TimeZone(identifier: "UTC")!

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func padded(_ value: Int?, _ width: Int = 2) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
