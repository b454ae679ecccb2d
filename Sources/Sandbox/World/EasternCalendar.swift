import Foundation
import Synchronization

/// US Eastern calendar days: the day a game belongs to on ESPN (`dates=20241030` holds a 00:08Z start on the 31st).
struct EasternCalendar: Sendable {
    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        return calendar
    }()
    private static let epoch = DateComponents(year: 1970, month: 1, day: 1)
    /// Eastern midnights by day, each worked out by Foundation once: the simulated world asks for the day of every
    /// quote and the time of every injury, and a time zone lookup cost more than the rest of a book's quote.
    private static let midnights = Mutex<[Int: Date]>([:])

    /// Eastern midnight starting `day`.
    private func midnight(_ day: Int) -> Date {
        if let known = Self.midnights.withLock({ $0[day] }) { return known }
        let midnight = calendar.date(byAdding: .day, value: day, to: calendar.date(from: Self.epoch)!)!
        Self.midnights.withLock { $0[day] = midnight }
        return midnight
    }

    /// The number of Eastern days from 1970-01-01 to the day holding `date`.
    func day(of date: Date) -> Int {
        // Eastern time is five hours behind UTC, or four in summer: the day counted at five is the day or the one before.
        var day = Int(((date.timeIntervalSince1970 - 5 * 3_600) / 86_400).rounded(.down))
        if date >= midnight(day + 1) { day += 1 } else if date < midnight(day) { day -= 1 }
        return day
    }

    /// The instant `minutes` after Eastern midnight of `day` (the wall-clock time `minutes`: on the days the clocks
    /// change, 13:00 is still 13:00).
    func date(day: Int, minutes: Int) -> Date {
        let start = midnight(day)
        let elapsed = start.addingTimeInterval(TimeInterval(minutes * 60))
        guard minutes >= 0, minutes < 24 * 60 else { return elapsed }
        // On a day of 24 hours the clocks do not change: the wall-clock time is that long after midnight.
        if midnight(day + 1).timeIntervalSince(start) == 86_400 { return elapsed }
        return calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: start) ?? elapsed
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
