import ArgumentParser
import Foundation
import Logging
import Queue
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

    /// Refuses a schedule whose payload the job type's registered parameters cannot decode;
    /// types this build has no handler for are only reported (other workers may serve them).
    func checkPayloads(of schedules: [Schedule], against registry: JobRegistry, logger: Logger) throws {
        var unserved: Set<String> = []
        for entry in schedules {
            for job in entry.jobs {
                guard registry.types.contains(job.type) else {
                    unserved.insert(job.type)
                    continue
                }
                do {
                    try registry.validate(type: job.type, payload: job.payload)
                } catch {
                    throw ValidationError("schedule \(entry.name): payload of \(job.type) is refused: \(error)")
                }
            }
        }
        if !unserved.isEmpty {
            logger.notice("scheduled job types with no handler in this build", metadata: ["types": "\(unserved.sorted().joined(separator: ","))"])
        }
    }
}
