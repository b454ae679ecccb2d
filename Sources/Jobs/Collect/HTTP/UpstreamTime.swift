import Foundation

/// Parses the timestamps upstreams send: `2024-05-24T22:40:00Z` (The Odds API), `2024-10-31T00:08Z`
/// (ESPN, no seconds) and `2026-05-09T15:00` (Open-Meteo, local, no offset).
enum UpstreamTime {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// An instant in UTC with or without seconds, ending in `Z`.
    static func instant(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        return local(String(text.dropLast()), utcOffsetSeconds: 0)
    }

    /// A local `YYYY-MM-DDTHH:MM[:SS]` at `utcOffsetSeconds` from UTC.
    static func local(_ text: String, utcOffsetSeconds: Int) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").map { Int($0) }
        let time = parts[1].split(separator: ":").map { Int($0) }
        guard day.count == 3, (2...3).contains(time.count), !day.contains(nil), !time.contains(nil) else { return nil }
        let components = DateComponents(
            year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1], second: time.count == 3 ? time[2] : 0)
        guard components.isValidDate(in: utc), let date = utc.date(from: components) else { return nil }
        return date.addingTimeInterval(TimeInterval(-utcOffsetSeconds))
    }

    /// `YYYYMMDD` of `date` in `timeZone`.
    static func yyyymmdd(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    static func isoDay(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `YYYY-MM-DD` of `date` in US Eastern time, the calendar of ESPN's dates, Statcast and the archive ranges.
    static func easternDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = eastern
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// US Eastern time, the zone ESPN files games under.
    static let eastern = TimeZone(identifier: "America/New_York")!

    /// Eastern midnight starting the day `YYYY-MM-DD`.
    static func easternMidnight(_ isoDay: String) -> Date? {
        let parts = isoDay.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, !parts.contains(nil) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = eastern
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// The Eastern midnight after `midnight` (23 or 25 hours later across a daylight-saving change).
    static func easternMidnight(after midnight: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = eastern
        return calendar.date(byAdding: .day, value: 1, to: midnight)
    }

    /// ISO 8601 with seconds and `Z`.
    static func isoSeconds(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
