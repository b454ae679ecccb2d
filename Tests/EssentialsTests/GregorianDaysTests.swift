import Essentials
import Foundation
import Testing

@Suite struct GregorianDaysTests {
    @Test func knownDates() {
        #expect(GregorianDays.days(year: 1970, month: 1, day: 1) == 0)
        #expect(GregorianDays.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(GregorianDays.days(year: 1969, month: 12, day: 31) == -1)
        // Day 32 of January is February 1st.
        #expect(GregorianDays.days(year: 2024, month: 1, day: 32) == GregorianDays.days(year: 2024, month: 2, day: 1))
    }

    @Test func agreesWithFoundationAndRoundTrips() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = GregorianDays.date(fromDays: days)
            #expect(GregorianDays.days(year: date.year, month: date.month, day: date.day) == days)
            guard date.year > 1600 else { continue }  // Foundation's Gregorian calendar switches to Julian before 1582.
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(parts.year == date.year && parts.month == date.month && parts.day == date.day)
        }
    }

    @Test func floorDivisionRoundsDown() {
        #expect((-1).floorDivided(by: 86_400) == -1)
        #expect((-86_400).floorDivided(by: 86_400) == -1)
        #expect((-1).floorModulo(7) == 6)
        #expect(13.floorModulo(7) == 6)
    }
}
