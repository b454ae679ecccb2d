import Foundation
import Hummingbird

/// Dates in query strings: `YYYY-MM-DD` (midnight UTC) or a full ISO 8601 timestamp.
enum QueryDate {
    /// The date in parameter `name`, or nil when absent; anything unparseable is a 400.
    static func parse(_ query: Parameters, _ name: String) throws -> Date? {
        guard let text = query.get(name) else { return nil }
        guard let date = parse(text) else {
            throw APIError.validation("\(name) must be a date (YYYY-MM-DD) or an ISO 8601 timestamp", field: name)
        }
        return date
    }

    /// The day `YYYY-MM-DD` as a UTC calendar day, or nil.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return date
    }

    static func parse(_ text: String) -> Date? {
        day(text) ?? timestamp(text)
    }

    /// An ISO 8601 timestamp with a time zone, with or without fractional seconds, or nil.
    static func timestamp(_ text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
