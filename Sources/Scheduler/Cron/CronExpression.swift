import Essentials
import Foundation

/// When a schedule fires: a cron expression, evaluated in a time zone.
///
/// Accepted forms:
/// - five fields, `minute hour day-of-month month day-of-week` (`*/15 * * * *`,
///   `0 4 * * MON-FRI`, `30 2 1,15 JAN,JUL *`), or six with a leading seconds field;
///   when both day fields are restricted a day matching either fires, as in cron;
/// - `@yearly` (`@annually`), `@monthly`, `@weekly`, `@daily` (`@midnight`), `@hourly`;
/// - `@every 90s`, `@every 5m`, `@every 4h`, `@every 1h30m` (units `s`, `m`, `h`, `d`):
///   an interval measured from the Unix epoch, so every process computes the same ticks
///   and the time zone plays no part.
///
/// Across daylight-saving changes fixed times of day behave as people expect: a time
/// skipped by the spring-forward gap fires once, at the first instant after the gap,
/// and a time repeated by the fall-back overlap fires once, at its first occurrence.
/// An expression whose minute or hour field starts with `*` (`0 * * * *`,
/// `*/15 * * * *`) instead follows elapsed time, as cronie does: it does not fire for
/// readings the gap skips and fires in both passes of a repeated hour, so an hourly
/// job still runs every hour.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    enum Rule: Hashable, Sendable {
        case fields(CronFields)
        case interval(seconds: Int)
    }

    /// The expression as written.
    public let description: String
    let rule: Rule

    /// Parses `text`; throws a `CronParseError` naming the faulty field.
    public init(_ text: String) throws(CronParseError) {
        description = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let words = trimmed.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else {
            throw CronParseError(expression: text, reason: "it is empty")
        }
        if first.hasPrefix("@") {
            rule = try Self.macro(first.lowercased(), arguments: words.dropFirst(), in: text)
            return
        }
        guard words.count == 5 || words.count == 6 else {
            throw CronParseError(expression: text, reason: "expected 5 fields (or 6 with seconds), found \(words.count)")
        }
        let kinds: [CronFieldKind] = [.second, .minute, .hour, .dayOfMonth, .month, .dayOfWeek]
        var parsed: [CronField] = []
        if words.count == 5 { parsed.append(CronField(values: [0], isWildcard: false)) }
        for (word, kind) in zip(words, kinds.suffix(words.count)) {
            parsed.append(try CronField(parsing: word, as: kind, in: text))
        }
        let fields = CronFields(
            seconds: parsed[0], minutes: parsed[1], hours: parsed[2],
            daysOfMonth: parsed[3], months: parsed[4], daysOfWeek: parsed[5]
        )
        guard fields.canMatchSomeDay else {
            throw CronParseError(expression: text, reason: "no month has the days it names, so it never fires")
        }
        rule = .fields(fields)
    }

    /// The first time strictly after `date` at which the expression fires, read in `timeZone`.
    ///
    /// `nil` only for an expression with no time left to fire, which parsing refuses,
    /// so in practice never.
    public func nextFire(after date: Date, in timeZone: TimeZone) -> Date? {
        let after = Int(date.timeIntervalSince1970.rounded(.down))
        switch rule {
        case .interval(let seconds):
            let next = (after.floorDivided(by: seconds) + 1) * seconds
            return Date(timeIntervalSince1970: TimeInterval(next))
        case .fields(let fields):
            return Self.nextFire(of: fields, after: after, in: timeZone).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// Walks the zone's offset periods from `after`: within one period wall-clock
    /// readings map one-to-one onto instants; at each transition the gap or overlap
    /// rules of the type's documentation apply.
    private static func nextFire(of fields: CronFields, after: Int, in zone: TimeZone) -> Int? {
        var offset = zone.offset(at: after)
        var earliestReading = after + offset + 1
        // Readings below `repeatedUntil` were already lived through before the last
        // fall-back transition; time-of-day expressions must not fire for them again.
        var repeatedUntil = Int.min
        if let previous = zone.transition(before: after) {
            let previousOffset = zone.offset(at: previous - 1)
            if previousOffset > offset { repeatedUntil = previous + previousOffset }
        }
        var periodStart = after
        // Zones change offset a few times a year; a century of periods is plenty.
        for _ in 0..<400 {
            let periodEnd = zone.transition(after: periodStart)
            let start = fields.followsElapsedTime ? earliestReading : max(earliestReading, repeatedUntil)
            if let reading = fields.firstMatch(atOrAfter: start, before: periodEnd.map { $0 + offset }) {
                return reading - offset
            }
            guard let periodEnd else { return nil }
            let nextOffset = zone.offset(at: periodEnd)
            if nextOffset > offset, !fields.followsElapsedTime,
                fields.firstMatch(atOrAfter: periodEnd + offset, before: periodEnd + nextOffset) != nil
            {
                return periodEnd
            }
            repeatedUntil = nextOffset < offset ? periodEnd + offset : Int.min
            earliestReading = periodEnd + nextOffset
            offset = nextOffset
            periodStart = periodEnd
        }
        return nil
    }
}

extension TimeZone {
    /// Seconds to add to a Unix time to read this zone's wall clock at that instant.
    fileprivate func offset(at instant: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The first instant after `instant` at which the zone's offset changes.
    fileprivate func transition(after instant: Int) -> Int? {
        nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(instant)))
            .map { Int($0.timeIntervalSince1970.rounded(.down)) }
    }

    /// The last offset change at or before `instant`, if one happened in the week before it
    /// (only a recent one can still shape which readings repeat).
    fileprivate func transition(before instant: Int) -> Int? {
        var latest: Int?
        var probe = instant - 7 * 86_400
        while let next = transition(after: probe), next <= instant {
            latest = next
            probe = next
        }
        return latest
    }
}
