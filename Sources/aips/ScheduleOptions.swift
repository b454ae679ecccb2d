import ArgumentParser
import Foundation
import Scheduler

/// Where the schedule comes from: the built-in one, amended by a YAML file and `AIPS_CRON_*` variables.
struct ScheduleOptions: ParsableArguments {
    @Option(
        name: .customLong("schedule-file"),
        help: ArgumentHelp("A YAML file amending the built-in schedule (default: $AIPS_SCHEDULE_FILE).", valueName: "path"))
    var file: String?

    /// The schedules to run; a bad file or variable is refused with its line and reason.
    func schedules() throws -> [Schedule] {
        var schedules = Schedule.defaults
        if let file = file ?? ProcessInfo.processInfo.environment["AIPS_SCHEDULE_FILE"] {
            let yaml: String
            do {
                yaml = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read schedule file \(file): \(error.localizedDescription)")
            }
            schedules = try ScheduleFile.apply(yaml: yaml, path: file, to: schedules)
        }
        return try ScheduleEnvironment.apply(ProcessInfo.processInfo.environment, to: schedules)
    }
}
