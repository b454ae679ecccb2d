import Foundation
import Hummingbird

/// Query and path parameters several endpoints share, read and checked the same way everywhere.
enum QueryFilters {
    /// `sport`: a lowercase sport code (`nba`), or nil when absent.
    static func sport(_ query: Parameters) throws -> String? {
        try query.get("sport").map { try sportCode($0) }
    }

    /// `text` if it is a sport code (1 to 32 of a–z, 0–9 and _); else a 400 naming `field`.
    static func sportCode(_ text: String, field: String = "sport") throws -> String {
        guard (1...32).contains(text.utf8.count),
            text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        else {
            throw APIError.validation("\(field) must be a lowercase sport code such as nba", field: field)
        }
        return text
    }

    /// The game days asked for: `date` (one UTC day) or `date_from` / `date_to` (inclusive UTC days, either
    /// end open), as a half-open range of instants; nil ends where nothing was asked.
    static func gameDays(_ query: Parameters) throws -> (from: Date?, to: Date?) {
        if let text = query.get("date") {
            guard let day = QueryDate.day(text) else { throw APIError.validation("date must be YYYY-MM-DD", field: "date") }
            guard query.get("date_from") == nil, query.get("date_to") == nil else {
                throw APIError.validation("date cannot be combined with date_from or date_to", field: "date")
            }
            return (day, day.addingTimeInterval(86_400))
        }
        var from: Date?
        var to: Date?
        if let text = query.get("date_from") {
            guard let day = QueryDate.day(text) else { throw APIError.validation("date_from must be YYYY-MM-DD", field: "date_from") }
            from = day
        }
        if let text = query.get("date_to") {
            guard let day = QueryDate.day(text) else { throw APIError.validation("date_to must be YYYY-MM-DD", field: "date_to") }
            to = day.addingTimeInterval(86_400)
        }
        if let from, let to, from >= to {
            throw APIError.validation("date_from must not be after date_to", field: "date_from")
        }
        return (from, to)
    }

    /// The boolean query parameter `name` (`true` or `false`), or nil when absent; anything else is a 400.
    static func flag(_ query: Parameters, _ name: String) throws -> Bool? {
        guard let text = query.get(name) else { return nil }
        guard text == "true" || text == "false" else { throw APIError.validation("\(name) must be true or false", field: name) }
        return text == "true"
    }

    /// The whole-number query parameter `name` within `range`, or `fallback` when absent; anything else is a 400.
    static func wholeNumber(_ query: Parameters, _ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = query.get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.validation("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    /// `text` as a positive integer id; anything else is a 400 naming `field` (`the model id`, `game_id`).
    static func positiveID(_ text: String, field: String, label: String? = nil) throws -> Int {
        guard let id = Int(text), id > 0 else {
            throw APIError.validation("\(label ?? field) must be a positive integer", field: field)
        }
        return id
    }

    /// The `{id}` path parameter as a positive integer id; anything else is a 400 naming `label` (`the bet id`).
    static func pathID(_ context: APIRequestContext, label: String? = nil) throws -> Int {
        try positiveID(try context.parameters.require("id"), field: "id", label: label)
    }

    /// Parameter `name` as one of `Value`'s raw values, or nil when absent; anything else is a 400 that lists them.
    static func oneOf<Value: RawRepresentable & CaseIterable>(
        _ query: Parameters, _ name: String, _ type: Value.Type, transform: (String) -> String = { $0 }
    ) throws -> Value? where Value.RawValue == String {
        guard let text = query.get(name) else { return nil }
        guard let value = Value(rawValue: transform(text)) else {
            throw APIError.validation("\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))", field: name)
        }
        return value
    }
}
