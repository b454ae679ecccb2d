import ArgumentParser
import Queue
import Redis

struct QueueRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Put a dead or cancelled job back in its queue.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Job id.") var id: String

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try await jobs.retry(id)
            print("\(id) queued")
        }
    }
}

struct QueueCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a job (a running one at its next heartbeat).")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Job id.") var id: String
    @Flag(help: "Do not ask.") var yes = false

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try Confirmation.require("Cancel job \(id)?", assumeYes: yes)
            switch try await jobs.cancel(id) {
            case .cancelled: print("\(id) cancelled")
            case .requested: print("\(id) is running; its worker will cancel it at the next heartbeat")
            }
        }
    }
}

struct QueueDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a job in any state.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Job id.") var id: String
    @Flag(help: "Do not ask.") var yes = false

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try Confirmation.require("Delete job \(id)? This cannot be undone.", assumeYes: yes)
            guard try await jobs.delete(id) else { throw ValidationError("no job \(id)") }
            print("\(id) deleted")
        }
    }
}

struct QueueRetryDeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry-dead", abstract: "Retry every dead job of a queue.")
    @OptionGroup var dead: DeadJobsArguments

    func run() async throws {
        try await dead.withConfirmedQueue("Retry every dead job of \(dead.queue)?") { jobs in
            print("retried \(try await jobs.retryDead(queue: dead.queue)) jobs")
        }
    }
}

struct QueuePurgeDeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purge-dead", abstract: "Delete every dead job of a queue.")
    @OptionGroup var dead: DeadJobsArguments

    func run() async throws {
        try await dead.withConfirmedQueue("Delete every dead job of \(dead.queue)? This cannot be undone.") { jobs in
            print("purged \(try await jobs.purgeDead(queue: dead.queue)) jobs")
        }
    }
}

struct QueuePauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop workers from taking jobs of a queue.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try await jobs.pause(queue: queue)
            print("\(queue) paused")
        }
    }
}

struct QueueResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Let workers take jobs of a queue again.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try await jobs.resume(queue: queue)
            print("\(queue) resumed")
        }
    }
}

struct QueueLimitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit", abstract: "Set a queue's concurrency and rate limits, shared by every worker.")
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String
    @Option(help: "Most jobs running at once (0 removes the limit).") var concurrency: Int?
    @Option(help: "Most job starts per second (0 removes the limit).") var rate: Int?

    func run() async throws {
        try await options.redis.withQueue { jobs in
            try await jobs.setLimits(
                queue: queue, concurrency: concurrency.flatMap { $0 > 0 ? $0 : nil }, rate: rate.flatMap { $0 > 0 ? $0 : nil })
            print("\(queue): concurrency \(concurrency.map(String.init) ?? "unlimited"), rate \(rate.map { "\($0)/s" } ?? "unlimited")")
        }
    }
}
