import Foundation

/// US Eastern calendar days: the day a game belongs to on ESPN (`dates=20241030` holds a 00:08Z start on the 31st).
struct EasternCalendar: Sendable {
    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        return calendar
    }()
    private static let epoch = DateComponents(year: 1970, month: 1, day: 1)

    /// The number of Eastern days from 1970-01-01 to the day holding `date`.
    func day(of date: Date) -> Int {
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        return calendar.dateComponents([.day], from: Self.epoch, to: components).day!
    }

    /// The instant `minutes` after Eastern midnight of `day` (the wall-clock time `minutes`: on the days the clocks
    /// change, 13:00 is still 13:00).
    func date(day: Int, minutes: Int) -> Date {
        let midnight = calendar.date(byAdding: .day, value: day, to: calendar.date(from: Self.epoch)!)!
        guard minutes >= 0, minutes < 24 * 60,
            let time = calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: midnight)
        else { return midnight.addingTimeInterval(TimeInterval(minutes * 60)) }
        return time
    }

    /// The day for `YYYYMMDD`, or `nil` when it is not a date.
    func day(yyyymmdd: String) -> Int? {
        guard yyyymmdd.count == 8, yyyymmdd.allSatisfy(\.isASCII), let value = Int(yyyymmdd) else { return nil }
        let components = DateComponents(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.dateComponents([.day], from: Self.epoch, to: components).day
    }

    /// The year of `day`.
    func year(of day: Int) -> Int {
        calendar.component(.year, from: date(day: day, minutes: 12 * 60))
    }
}
