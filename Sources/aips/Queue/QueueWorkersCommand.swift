import ArgumentParser
import Foundation
import Queue
import Redis

struct QueueWorkersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workers", abstract: "Live workers, their queues and load.")
    @OptionGroup var options: QueueCommandOptions

    func run() async throws {
        try await options.redis.withQueue { jobs in
            let workers = try await WorkerDirectory(backend: jobs.backend).live()
            if options.json { return try JSONOutput.print(workers) }
            var table = OutputTable(headers: ["worker", "queues", "busy", "processed", "last beat", "state"])
            for worker in workers {
                table.rows.append([
                    worker.identity, worker.queues, "\(worker.busy)/\(worker.concurrency)", String(worker.processed),
                    String(format: "%.1fs ago", -worker.lastBeat.timeIntervalSinceNow), worker.draining ? "draining" : "running",
                ])
            }
            print(table.render())
        }
    }
}
