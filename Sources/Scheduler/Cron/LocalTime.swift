import Essentials
/// A wall-clock time with no time zone attached: what a clock on the wall of the
/// schedule's zone reads, to the second.
///
/// Cron fields are matched against wall-clock readings; the arithmetic here is the
/// proleptic Gregorian calendar done with integers (Howard Hinnant's `days_from_civil`),
/// so matching never depends on a zone's rules. Mapping a reading to an instant is
/// `CronExpression`'s business.
struct LocalTime: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// The reading `seconds` after 1970-01-01 00:00:00 on the wall clock.
    init(seconds: Int) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        (year, month, day) = GregorianDays.date(fromDays: days)
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
    }

    /// Seconds after 1970-01-01 00:00:00 on the wall clock.
    var seconds: Int {
        GregorianDays.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// The day of the week, 0 for Sunday through 6 for Saturday.
    var weekday: Int {
        (GregorianDays.days(year: year, month: month, day: day) + 4).floorModulo(7)
    }

    /// Moves to midnight of the next day.
    mutating func advanceToNextDay() {
        self = LocalTime(seconds: GregorianDays.days(year: year, month: month, day: day + 1) * 86_400)
    }

    /// Moves to midnight of the first day of the next month.
    mutating func advanceToNextMonth() {
        if month == 12 {
            self = LocalTime(year: year + 1, month: 1)
        } else {
            self = LocalTime(year: year, month: month + 1)
        }
    }

    /// Midnight on the first of `month`.
    init(year: Int, month: Int) {
        self.year = year
        self.month = month
        day = 1
        hour = 0
        minute = 0
        second = 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}
