import ArgumentParser
import Queue
import Redis

struct QueueStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Jobs per state in every queue.")
    @OptionGroup var options: QueueCommandOptions

    func run() async throws {
        try await options.redis.withQueue { jobs in
            var stats: [QueueStats] = []
            for name in try await jobs.queues() { stats.append(try await jobs.stats(queue: name)) }
            if options.json { return try JSONOutput.print(stats) }
            var table = OutputTable(headers: ["queue"] + JobState.allCases.map(\.rawValue) + ["paused"])
            for entry in stats {
                table.rows.append([entry.queue] + JobState.allCases.map { String(entry.counts[$0] ?? 0) } + [entry.paused ? "yes" : ""])
            }
            print(table.render())
        }
    }
}
