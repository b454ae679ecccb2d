import Foundation
import Testing

@testable import Scheduler

/// One row of an expected-times table: `expression` evaluated in `zone` fires first after `after` at `expected`.
struct CronCase: CustomTestStringConvertible, Sendable {
    var expression: String
    var zone: String
    var after: String
    var expected: String
    var testDescription: String { "\(expression) [\(zone)] after \(after)" }

    init(_ expression: String, _ zone: String = "UTC", after: String, _ expected: String) {
        self.expression = expression
        self.zone = zone
        self.after = after
        self.expected = expected
    }
}

func instant(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

func zone(_ identifier: String) throws -> TimeZone {
    try #require(TimeZone(identifier: identifier))
}

@Suite struct CronExpressionTests {
    /// New York 2026: clocks spring forward at 02:00 EST on March 8 (07:00Z) and fall
    /// back at 02:00 EDT on November 1 (06:00Z).
    static let daylightSaving: [CronCase] = [
        // Spring forward: a skipped time of day fires once, at the end of the gap.
        CronCase("30 2 * * *", "America/New_York", after: "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"),
        CronCase("30 2 * * *", "America/New_York", after: "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"),
        CronCase("0 2 * * *", "America/New_York", after: "2026-03-07T12:00:00Z", "2026-03-08T07:00:00Z"),
        CronCase("0 3 * * *", "America/New_York", after: "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"),
        CronCase("0 30 2 * * *", "America/New_York", after: "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"),
        CronCase("0 2 8 3 *", "America/New_York", after: "2026-03-01T00:00:00Z", "2026-03-08T07:00:00Z"),
        CronCase("@daily", "America/New_York", after: "2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z"),
        CronCase("@daily", "America/New_York", after: "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"),
        // Spring forward, elapsed-time expressions: skipped readings simply do not happen.
        CronCase("*/15 * * * *", "America/New_York", after: "2026-03-08T06:50:00Z", "2026-03-08T07:00:00Z"),
        CronCase("30 * * * *", "America/New_York", after: "2026-03-08T06:40:00Z", "2026-03-08T07:30:00Z"),
        CronCase("@hourly", "America/New_York", after: "2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z"),
        // Fall back: a repeated time of day fires once, at its first occurrence.
        CronCase("30 1 * * *", "America/New_York", after: "2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z"),
        CronCase("30 1 * * *", "America/New_York", after: "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"),
        CronCase("30 1 * * *", "America/New_York", after: "2026-11-01T06:10:00Z", "2026-11-02T06:30:00Z"),
        CronCase("30 1 * * *", "America/New_York", after: "2026-11-01T05:45:00Z", "2026-11-02T06:30:00Z"),
        CronCase("0 1 * * *", "America/New_York", after: "2026-11-01T05:00:00Z", "2026-11-02T06:00:00Z"),
        CronCase("0 2 * * *", "America/New_York", after: "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"),
        // Fall back, elapsed-time expressions: both passes of the repeated hour fire.
        CronCase("0 * * * *", "America/New_York", after: "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z"),
        CronCase("0 * * * *", "America/New_York", after: "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"),
        CronCase("*/30 * * * *", "America/New_York", after: "2026-11-01T05:40:00Z", "2026-11-01T06:00:00Z"),
        // Intervals ignore the zone.
        CronCase("@every 4h", "America/New_York", after: "2026-03-08T06:30:00Z", "2026-03-08T08:00:00Z"),
        // Other zones: London's gap is at 01:00; Lord Howe moves by thirty minutes.
        CronCase("30 1 * * *", "Europe/London", after: "2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"),
        CronCase("15 2 * * *", "Australia/Lord_Howe", after: "2026-10-03T13:00:00Z", "2026-10-03T15:30:00Z"),
    ]

    static let calendar: [CronCase] = [
        // Month ends: the 31st only in months that have one; February 29th only in leap years.
        CronCase("0 0 31 * *", after: "2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z"),
        CronCase("0 0 31 * *", after: "2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z"),
        CronCase("0 12 29 2 *", after: "2026-01-01T00:00:00Z", "2028-02-29T12:00:00Z"),
        CronCase("0 0 29 2 *", after: "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z"),
        CronCase("0 0 30 * *", after: "2026-01-30T00:00:00Z", "2026-03-30T00:00:00Z"),
        CronCase("@monthly", "America/New_York", after: "2026-01-31T12:00:00Z", "2026-02-01T05:00:00Z"),
        CronCase("59 23 31 12 *", after: "2026-06-01T00:00:00Z", "2026-12-31T23:59:00Z"),
        CronCase("0 0 1 1 *", after: "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"),
        // Day fields: both restricted means either; names and 7 for Sunday.
        CronCase("0 0 13 * FRI", after: "2026-02-01T00:00:00Z", "2026-02-06T00:00:00Z"),
        CronCase("0 0 15 * MON", after: "2026-02-10T00:00:00Z", "2026-02-15T00:00:00Z"),
        CronCase("0 9 * * MON-FRI", after: "2026-02-07T12:00:00Z", "2026-02-09T09:00:00Z"),
        CronCase("0 0 * * 7", after: "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z"),
        CronCase("0 0 * * 5-7", after: "2026-01-03T01:00:00Z", "2026-01-04T00:00:00Z"),
        CronCase("@weekly", after: "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z"),
        CronCase("0 0 1 jan,JUL *", after: "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"),
        CronCase("0 0 */10 * *", after: "2026-01-21T00:00:00Z", "2026-01-31T00:00:00Z"),
        // Steps, ranges, lists, seconds.
        CronCase("5/20 * * * *", after: "2026-01-01T00:45:00Z", "2026-01-01T01:05:00Z"),
        CronCase("10-20/5,55 8 * * *", after: "2026-01-01T08:20:00Z", "2026-01-01T08:55:00Z"),
        CronCase("*/10 * * * * *", after: "2026-01-01T00:00:05Z", "2026-01-01T00:00:10Z"),
        CronCase("30 0 0 * * *", after: "2026-01-01T00:00:30Z", "2026-01-02T00:00:30Z"),
        CronCase("@every 90s", after: "2026-01-01T00:00:00Z", "2026-01-01T00:01:30Z"),
        CronCase("@every 1h30m", after: "2026-01-01T00:00:00Z", "2026-01-01T01:30:00Z"),
        CronCase("@every 1s", after: "2026-01-01T00:00:00.500Z", "2026-01-01T00:00:01Z"),
        CronCase("* * * * *", after: "2026-01-01T00:00:00.500Z", "2026-01-01T00:01:00Z"),
    ]

    @Test(arguments: daylightSaving + calendar)
    func nextFireMatchesTable(_ row: CronCase) throws {
        let expression = try CronExpression(row.expression)
        let next = expression.nextFire(after: try instant(row.after), in: try zone(row.zone))
        #expect(next == (try instant(row.expected)))
    }

    @Test func dailyTimeFiresOnceEveryDayOf2026InNewYork() throws {
        let newYork = try zone("America/New_York")
        for expression in ["30 2 * * *", "30 1 * * *", "0 0 * * *"] {
            let fires = try firesIn2026(try CronExpression(expression), newYork)
            #expect(fires.count == 365, "\(expression)")
        }
    }

    @Test func hourlyFiresEveryElapsedHourOf2026InNewYork() throws {
        let fires = try firesIn2026(try CronExpression("@hourly"), try zone("America/New_York"))
        #expect(fires.count == 8_760)
        #expect(zip(fires, fires.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 3_600 })
    }

    private func firesIn2026(_ expression: CronExpression, _ zone: TimeZone) throws -> [Date] {
        let start = try instant("2026-01-01T05:00:00Z").addingTimeInterval(-1)
        let end = try instant("2027-01-01T05:00:00Z")
        var fires: [Date] = []
        var cursor = start
        while let next = expression.nextFire(after: cursor, in: zone), next < end {
            fires.append(next)
            cursor = next
        }
        return fires
    }

    @Test(arguments: [
        ("60 * * * *", "minute field '60': 60 is outside 0-59"),
        ("* * * *", "expected 5 fields (or 6 with seconds), found 4"),
        ("0 0 30 2 *", "no month has the days it names, so it never fires"),
        ("5-1 * * * *", "minute field '5-1': range 5-1 runs backwards"),
        ("*/0 * * * *", "minute field '*/0': step '0' is not a positive number"),
        ("0 0 * * FOO", "day of week field 'FOO': 'FOO' is not a number or a name"),
        ("0 0 * 13 *", "month field '13': 13 is outside 1-12"),
        ("1,,2 * * * *", "minute field '1,,2': '' is not a value, range or step"),
        ("@every", "@every needs one positive duration such as 60s, 5m, 4h or 1h30m"),
        ("@every 0s", "@every needs one positive duration such as 60s, 5m, 4h or 1h30m"),
        ("@every 5x", "@every needs one positive duration such as 60s, 5m, 4h or 1h30m"),
        ("@daily 3", "@daily takes no arguments"),
        ("", "it is empty"),
    ])
    func invalidExpressionIsRefusedWithReason(_ text: String, _ reason: String) {
        #expect(throws: CronParseError(expression: text, reason: reason)) { try CronExpression(text) }
    }

    @Test func unknownMacroIsRefused() {
        #expect(throws: CronParseError.self) { try CronExpression("@fortnightly") }
    }
}
