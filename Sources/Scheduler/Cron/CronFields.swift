/// The six fields of a classic cron expression, matched against wall-clock readings.
struct CronFields: Hashable, Sendable {
    var seconds: CronField
    var minutes: CronField
    var hours: CronField
    var daysOfMonth: CronField
    var months: CronField
    /// Sunday is 0 (a written 7 is folded into 0 when parsing).
    var daysOfWeek: CronField

    /// Whether the expression runs by elapsed time rather than by time of day across
    /// daylight-saving changes: cronie's rule, a minute or hour field starting with `*`.
    var followsElapsedTime: Bool { minutes.isWildcard || hours.isWildcard }

    /// Whether the date part of `time` matches, with cron's rule for the two day fields:
    /// when both are restricted either may match; when one starts with `*` both must.
    func matchesDay(_ time: LocalTime) -> Bool {
        let dayOfMonth = daysOfMonth.contains(time.day)
        let dayOfWeek = daysOfWeek.contains(time.weekday)
        return daysOfMonth.isWildcard || daysOfWeek.isWildcard ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek
    }

    /// Whether some date ever matches; `30 2` (February 30th) never does.
    var canMatchSomeDay: Bool {
        guard daysOfMonth.isWildcard || daysOfWeek.isWildcard else { return true }
        guard let firstDay = daysOfMonth.minimum else { return false }
        return (1...12).contains { months.contains($0) && LocalTime.daysIn(month: $0, year: 2000) >= firstDay }
    }

    /// The first matching wall-clock reading at or after `start` and before `limit`
    /// (seconds on the wall clock), or `nil` if there is none in that window.
    ///
    /// Without a limit the search gives up after ten years, which only an expression
    /// matching no day at all could reach; `canMatchSomeDay` refuses those at parse time.
    func firstMatch(atOrAfter start: Int, before limit: Int?) -> Int? {
        var time = LocalTime(seconds: start)
        let lastYear = time.year + 10
        while time.year <= lastYear {
            if let limit, time.seconds >= limit { return nil }
            guard months.contains(time.month) else {
                time.advanceToNextMonth()
                continue
            }
            guard matchesDay(time) else {
                time.advanceToNextDay()
                continue
            }
            guard hours.contains(time.hour) else {
                guard let hour = hours.first(atLeast: time.hour + 1) else {
                    time.advanceToNextDay()
                    continue
                }
                (time.hour, time.minute, time.second) = (hour, 0, 0)
                continue
            }
            guard minutes.contains(time.minute) else {
                guard let minute = minutes.first(atLeast: time.minute + 1) else {
                    advanceToNextHour(&time)
                    continue
                }
                (time.minute, time.second) = (minute, 0)
                continue
            }
            guard seconds.contains(time.second) else {
                guard let second = seconds.first(atLeast: time.second + 1) else {
                    time = LocalTime(seconds: time.seconds - time.second + 60)
                    continue
                }
                time.second = second
                continue
            }
            return time.seconds
        }
        return nil
    }

    private func advanceToNextHour(_ time: inout LocalTime) {
        time = LocalTime(seconds: time.seconds - time.minute * 60 - time.second + 3_600)
    }
}
