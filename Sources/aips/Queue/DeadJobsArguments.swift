import ArgumentParser
import Queue

/// What `retry-dead` and `purge-dead` take: the queue whose dead jobs they change, and whether to ask first.
struct DeadJobsArguments: ParsableArguments {
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String
    @Flag(help: "Do not ask.") var yes = false

    /// Runs `body` on the queue once its name is valid and `question` is answered yes (or `--yes` was given).
    func withConfirmedQueue(_ question: String, _ body: (JobQueue) async throws -> Void) async throws {
        try await options.redis.withQueue { jobs in
            try QueueName.validate(queue)
            try Confirmation.require(question, assumeYes: yes)
            try await body(jobs)
        }
    }
}
