import ArgumentParser
import Foundation
import Queue

/// `aips queue …`: inspect and repair queues from a terminal.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Inspect and repair queues: stats, list, show, retry, cancel, pause, …",
        subcommands: [
            QueueStatsCommand.self, QueueListCommand.self, QueueShowCommand.self, QueueRetryCommand.self,
            QueueRetryDeadCommand.self, QueueDeleteCommand.self, QueueCancelCommand.self, QueuePauseCommand.self,
            QueueResumeCommand.self, QueuePurgeDeadCommand.self, QueueWorkersCommand.self, QueueLimitCommand.self,
            QueueMoveCommand.self,
        ])
}

/// Options every queue subcommand shares.
struct QueueCommandOptions: ParsableArguments {
    @OptionGroup var redis: RedisOptions
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}

enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
