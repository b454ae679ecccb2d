import ArgumentParser
import Store

/// `aips migrate down [N]`: reverts the latest N migrations.
struct MigrateDownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "down", abstract: "Revert the latest migrations.")

    @OptionGroup var options: MigrateOptions

    @Argument(help: "How many migrations to revert.")
    var count: Int = 1

    func validate() throws {
        guard count > 0 else { throw ValidationError("the count must be at least 1") }
    }

    func run() async throws {
        let reverted = try await options.withMigrator { try await $0.down(count: count) }
        print(reverted.isEmpty ? "Nothing to revert." : reverted.map { "reverted \($0.version) \($0.name)" }.joined(separator: "\n"))
    }
}
