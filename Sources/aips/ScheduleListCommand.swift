import ArgumentParser
import Foundation
import Scheduler

/// `aips schedule list`: every schedule with its next fire times.
struct ScheduleListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the schedules and when each fires next.")

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: "How many upcoming fire times to show per schedule.")
    var count: Int = 3

    func run() throws {
        let now = Date()
        for entry in try schedule.schedules() {
            var fires: [String] = []
            var cursor = now
            while fires.count < count, let next = entry.nextFire(after: cursor) {
                fires.append(next.formatted(Date.ISO8601FormatStyle(timeZone: entry.timeZone)))
                cursor = next
            }
            let jobs = entry.jobs.map { job in
                job.after.isEmpty ? "\(job.type)@\(job.queue)" : "\(job.type)@\(job.queue) after \(job.after.joined(separator: "+"))"
            }
            print("\(entry.name)  \(entry.cron)  [\(entry.timeZone.identifier)]  missed: \(entry.missedTicks)")
            print("  jobs: \(jobs.joined(separator: ", "))")
            print("  next: \(fires.joined(separator: ", "))")
        }
    }
}
