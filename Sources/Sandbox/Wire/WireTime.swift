import Foundation

/// The timestamp spellings the upstream APIs use.
enum WireTime {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The Odds API: ISO 8601 with seconds and `Z` (`2024-05-24T22:40:00Z`).
    static func seconds(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// ESPN: minutes and `Z`, no seconds (`2024-10-31T00:08Z`).
    static func minutes(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// OpenWeatherMap's `dt_txt`: UTC with a space and seconds, no zone (`2026-05-09 21:00:00`).
    static func spaced(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Open-Meteo: local time without seconds or offset (`2026-05-09T15:00`).
    static func localHour(_ date: Date, offsetSeconds: Int) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date.addingTimeInterval(TimeInterval(offsetSeconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// Parses an ISO 8601 instant with seconds and `Z`.
    static func parseSeconds(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// Parses `YYYY-MM-DD` as UTC midnight.
    static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: utc) else { return nil }
        return utc.date(from: components)
    }
}
