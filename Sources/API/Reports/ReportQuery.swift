import Foundation
import Hummingbird
import Store

/// The query parameters of the report routes, validated: a sport code and UTC calendar days.
enum ReportQuery {
    /// The longest range `GET /performance` aggregates, so one request cannot scan years of history.
    static let maximumDays = 366

    /// The `sport` parameter: a lowercase sport code; `nil` when absent and not `required`.
    static func sport(_ query: Parameters, required: Bool) throws -> String? {
        guard let text = query.get("sport") else {
            if required { throw APIError.validation("sport is required (a lowercase sport code such as nba)", field: "sport") }
            return nil
        }
        guard (1...32).contains(text.utf8.count),
            text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F })
        else { throw APIError.validation("sport must be a lowercase sport code such as nfl or nba", field: "sport") }
        return text
    }

    /// The day in parameter `name` (`YYYY-MM-DD`), as the text and its midnight UTC; `nil` when absent.
    static func day(_ query: Parameters, _ name: String) throws -> (text: String, start: Date)? {
        guard let text = query.get(name) else { return nil }
        guard let start = QueryDate.day(text) else { throw APIError.validation("\(name) must be a day, YYYY-MM-DD", field: name) }
        return (text, start)
    }

    /// The range `from..<to` of `GET /performance`: `from` and `to` are inclusive days, defaulting to the
    /// 30 days ending today (UTC); at most `maximumDays` days.
    static func range(_ query: Parameters, now: Date) throws -> (from: Date, to: Date) {
        // Midnight UTC of today: the day text of a valid date always parses back.
        let today = DailyReport.start(ofDay: DailyReport.day(of: now)) ?? now
        let to = try day(query, "to")?.start.addingTimeInterval(86_400) ?? today.addingTimeInterval(86_400)
        let from = try day(query, "from")?.start ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else { throw APIError.validation("from must not be after to", field: "from") }
        guard to.timeIntervalSince(from) <= Double(maximumDays) * 86_400 else {
            throw APIError.validation("from and to may be at most \(maximumDays) days apart", field: "from")
        }
        return (from, to)
    }
}
