import Foundation

/// Local calendar dates and clock times of replay files, turned into instants.
enum ReplayDates {
    /// The instant of `YYYY-MM-DD` at `time` (`HH:MM` or `HH:MM:SS`, `defaultTime` when `nil`) in `timeZone`.
    static func start(ymd: String, time: String?, timeZone: String, defaultTime: String) -> Date? {
        let parts = ymd.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return start(year: year, month: month, day: day, time: time ?? defaultTime, timeZone: timeZone)
    }

    /// The instant of a calendar day at `time` (`HH:MM` or `HH:MM:SS`) in `timeZone`.
    static func start(year: Int, month: Int, day: Int, time: String, timeZone: String) -> Date? {
        let clock = time.split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }), let hour = clock[0], let minute = clock[1],
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone)!
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: clock.count == 3 ? clock[2]! : 0)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
