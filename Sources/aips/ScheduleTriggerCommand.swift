import ArgumentParser
import Foundation
import Queue
import Redis
import Scheduler

/// `aips schedule trigger NAME`: enqueue one schedule's jobs now, outside its cron.
struct ScheduleTriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger", abstract: "Enqueue a schedule's jobs now (a flow keeps its dependencies).")

    @Argument(help: "The schedule's name, as `aips schedule list` shows it.")
    var name: String

    @OptionGroup var redis: RedisOptions

    @OptionGroup var schedule: ScheduleOptions

    func run() async throws {
        let schedules = try schedule.schedules()
        guard let entry = schedules.first(where: { $0.name == name }) else {
            throw ValidationError("no schedule named \(name) (known: \(schedules.map(\.name).joined(separator: ", ")))")
        }
        let client = try redis.makeClient()
        defer { client.close() }
        let results = try await TickEnqueuer(queue: JobQueue(redis: client, configuration: try .aips())).trigger(entry)
        for (job, result) in zip(entry.jobs, results) {
            print("\(job.type)  queue=\(job.queue)  id=\(result.id)")
        }
    }
}
