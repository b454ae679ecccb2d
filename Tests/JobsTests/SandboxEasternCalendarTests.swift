import Foundation
import Testing

@testable import Sandbox

/// The simulated world's Eastern days, which it works out from cached midnights, are Foundation's: through the clock
/// changes of the replayed MLB seasons and of the simulated years, every hour's day and every day's wall-clock times.
@Suite struct SandboxEasternCalendarTests {
    private static let eastern: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        return calendar
    }()
    private static let epoch = DateComponents(year: 1970, month: 1, day: 1)
    /// 2014–2016 (the real MLB lines) and 2025–2027 (the simulated world).
    private static let years = [(1_388_534_400.0, 3), (1_735_689_600.0, 3)]

    @Test func everyHoursDayIsFoundations() {
        let calendar = EasternCalendar()
        for (start, count) in Self.years {
            // Every 3 h 10 min, so over the years each time of day is met, midnight's and the clock changes' included.
            for step in 0..<(count * 366 * 24 * 60 / 190) {
                let date = Date(timeIntervalSince1970: start + Double(step) * 190 * 60)
                let components = Self.eastern.dateComponents([.year, .month, .day], from: date)
                let expected = Self.eastern.dateComponents([.day], from: Self.epoch, to: components).day!
                #expect(calendar.day(of: date) == expected, "\(date)")
            }
        }
    }

    @Test func everyDaysWallClockTimesAreFoundations() {
        let calendar = EasternCalendar()
        var changes = 0
        for (start, count) in Self.years {
            let first = calendar.day(of: Date(timeIntervalSince1970: start))
            for day in first..<(first + count * 366) {
                let midnight = Self.eastern.date(byAdding: .day, value: day, to: Self.eastern.date(from: Self.epoch)!)!
                let next = Self.eastern.date(byAdding: .day, value: day + 1, to: Self.eastern.date(from: Self.epoch)!)!
                if next.timeIntervalSince(midnight) != 86_400 { changes += 1 }
                for minutes in [0, 59, 90, 150, 9 * 60 + 17, 12 * 60, 19 * 60 + 5, 23 * 60 + 5, 24 * 60 - 1] {
                    let expected = Self.eastern.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: midnight)
                        ?? midnight.addingTimeInterval(TimeInterval(minutes * 60))
                    #expect(calendar.date(day: day, minutes: minutes) == expected, "day \(day) minutes \(minutes)")
                }
                #expect(calendar.date(day: day, minutes: 24 * 60 + 30) == midnight.addingTimeInterval(TimeInterval((24 * 60 + 30) * 60)))
            }
        }
        // Both clock changes of each of the six years were met.
        #expect(changes == 12)
    }
}
