import ArgumentParser
import Queue
import Redis

struct QueueShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Everything about one job, errors included.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Job id.") var id: String

    func run() async throws {
        try await options.redis.withQueue { jobs in
            guard let record = try await jobs.job(id) else { throw ValidationError("no job \(id)") }
            if options.json { return try JSONOutput.print(record) }
            var lines = [
                "id        \(record.id)", "type      \(record.type)", "queue     \(record.queue)",
                "state     \(record.state.rawValue)\(record.cancelRequested ? " (cancel requested)" : "")",
                "attempt   \(record.attempt) of \(record.maxAttempts)", "priority  \(record.priority)",
                "created   \(record.createdAt)", "payload   \(record.payload)",
            ]
            if let progress = record.progress { lines.append("progress  \(progress)% \(record.progressMessage ?? "")") }
            if let worker = record.worker { lines.append("worker    \(worker)") }
            if !record.dependsOn.isEmpty { lines.append("parents   \(record.dependsOn.joined(separator: ", "))") }
            if let result = record.result { lines.append("result    \(result)") }
            for error in record.errors {
                lines.append("error     attempt \(error.attempt) [\(error.kind)] \(error.message)")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
