import ArgumentParser
import Store

/// `aips migrate up [--to N]`: applies pending migrations.
struct MigrateUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "up", abstract: "Apply pending migrations.")

    @OptionGroup var options: MigrateOptions

    @Option(name: .customLong("to"), help: "Stop after this version (default: the latest).")
    var target: Int?

    func run() async throws {
        let applied = try await options.withMigrator { try await $0.up(to: target) }
        print(applied.isEmpty ? "Nothing to apply." : applied.map { "applied \($0.version) \($0.name)" }.joined(separator: "\n"))
    }
}
