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
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
    }

    /// Seconds after 1970-01-01 00:00:00 on the wall clock.
    var seconds: Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// The day of the week, 0 for Sunday through 6 for Saturday.
    var weekday: Int {
        (Self.days(year: year, month: month, day: day) + 4).floorModulo(7)
    }

    /// Moves to midnight of the next day.
    mutating func advanceToNextDay() {
        self = LocalTime(seconds: Self.days(year: year, month: month, day: day + 1) * 86_400)
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

    /// Days since 1970-01-01; `day` may overflow the month (day 32 is the next month's first).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let marchBasedMonth = (month + 9) % 12
        let dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchBasedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1
        let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
