import ArgumentParser
import Foundation
import Queue
import Redis

extension JobState: ExpressibleByArgument {}

struct QueueListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Jobs of a queue in one state.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String
    @Option(help: "State: \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).") var state: JobState = .queued
    @Option(help: "Skip this many.") var offset: Int = 0
    @Option(help: "Show at most this many.") var limit: Int = 50

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try QueueName.validate(queue)
            let records = try await jobs.list(queue: queue, state: state, offset: offset, limit: max(1, min(limit, 1000)))
            if options.json { return try JSONOutput.print(records) }
            var table = OutputTable(headers: ["id", "type", "state", "attempt", "created", "last error"])
            for record in records {
                table.rows.append([
                    record.id, record.type, record.state.rawValue, "\(record.attempt)/\(record.maxAttempts)",
                    record.createdAt.formatted(.iso8601), String((record.errors.last?.message ?? "").prefix(60)),
                ])
            }
            print(table.render())
        }
    }
}
