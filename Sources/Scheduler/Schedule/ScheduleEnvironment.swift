import Foundation

/// Environment overrides of the schedule, applied after the schedule file:
/// `AIPS_CRON_<NAME>` sets when schedule `NAME` fires (`AIPS_CRON_COLLECT_ODDS="@every 30s"`),
/// or drops it with `off`. `NAME` is the schedule's name upper-cased, with every
/// character that is not a letter or digit written as `_`.
public enum ScheduleEnvironment {
    /// The prefix of the override variables.
    public static let prefix = "AIPS_CRON_"

    /// The variable that overrides `schedule`.
    public static func variable(for schedule: String) -> String {
        prefix + String(schedule.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// The schedules after the overrides in `environment`; a variable naming no schedule,
    /// or holding a bad expression, is refused.
    public static func apply(_ environment: [String: String], to schedules: [Schedule]) throws(ScheduleError) -> [Schedule] {
        var result = schedules
        for (variable, value) in environment.sorted(by: { $0.key < $1.key }) where variable.hasPrefix(prefix) {
            guard let index = result.firstIndex(where: { Self.variable(for: $0.name) == variable }) else {
                let known = result.map { Self.variable(for: $0.name) }.joined(separator: ", ")
                throw ScheduleError(source: variable, reason: "names no schedule (known: \(known))")
            }
            if value.trimmingCharacters(in: .whitespaces) == "off" {
                result.remove(at: index)
                continue
            }
            do {
                result[index].cron = try CronExpression(value)
            } catch {
                throw ScheduleError(source: variable, reason: error.description)
            }
        }
        return result
    }
}
