import ArgumentParser
import Logging
import Postgres
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
        let store = Store(configuration: PostgresConfiguration(url: try options.resolvedURL(), maximumConnections: 1))
        do {
            let reverted = try await store.migrator(logger: Logger(label: "aips.migrate")).down(count: count)
            print(reverted.isEmpty ? "Nothing to revert." : reverted.map { "reverted \($0.version) \($0.name)" }.joined(separator: "\n"))
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
