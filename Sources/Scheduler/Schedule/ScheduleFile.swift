import Foundation
import Yams

/// Reads a YAML schedule file that amends (or replaces) a list of schedules.
///
/// ```yaml
/// defaults: true            # false: start from an empty list instead of the built-in schedule
/// schedules:
///   collect.odds:
///     cron: "@every 30s"    # change when a built-in schedule fires
///   featurize:
///     enabled: false        # drop one
///   backfill.odds:          # add one: a cron and a type (or a list of jobs) are required
///     cron: "30 3 * * SUN"
///     time_zone: America/New_York
///     type: collect.odds
///     queue: collect
///     payload: {backfill: true, days: 7}
///     priority: 7           # 0 (first) to 9 (last)
///     max_attempts: 3
///     timeout: 10m
///     missed: catch-up 1    # or skip
///   retrain:
///     jobs:                 # a flow: each job may wait for earlier steps
///       - {step: automl, type: train.automl}
///       - {step: calibrate, type: calibrate, after: [automl]}
/// ```
///
/// Job settings at the schedule's level (`type`, `queue`, `payload`, `priority`,
/// `max_attempts`, `timeout`) apply to each of its jobs; under `jobs` they apply to one.
/// Anything unknown or malformed is refused with its line and column.
public enum ScheduleFile {
    /// The schedules `yaml` (read from `path`, named in errors) makes of `schedules`.
    public static func apply(yaml: String, path: String, to schedules: [Schedule]) throws(ScheduleError) -> [Schedule] {
        let reader = ScheduleFileReader(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reader.error(from: error)
        } catch {
            throw ScheduleError(source: path, reason: "\(error)")
        }
        guard let root else { return schedules }
        let top = try reader.mapping(root, allowing: ["defaults", "schedules"])
        var result = schedules
        if let defaults = top["defaults"], try reader.bool(defaults) == false {
            result = []
        }
        guard let entries = top["schedules"] else { return result }
        guard case .mapping(let mapping) = entries else {
            throw reader.error(at: entries, "schedules must be a mapping from schedule name to its settings")
        }
        for (key, value) in mapping {
            let name = try reader.string(key)
            guard !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0 == ":" }) else {
                throw reader.error(at: key, "schedule name '\(name)' must be a word without spaces or ':'")
            }
            let existing = result.firstIndex { $0.name == name }
            if let schedule = try reader.schedule(named: name, node: value, existing: existing.map { result[$0] }) {
                if let existing { result[existing] = schedule } else { result.append(schedule) }
            } else if let existing {
                result.remove(at: existing)
            }
        }
        return result
    }
}
