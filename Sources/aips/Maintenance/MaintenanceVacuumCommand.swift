import ArgumentParser
import Postgres

struct MaintenanceVacuumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "VACUUM (ANALYZE) the whole database: reclaims dead rows and refreshes the planner's statistics.")
    @OptionGroup var database: MigrateOptions

    func run() async throws {
        let connection = try await PostgresConnection.connect(to: try database.resolvedURL())
        do {
            // VACUUM cannot run inside a transaction block: a plain statement on its own connection.
            _ = try await connection.query("VACUUM (ANALYZE)")
            await connection.close()
        } catch {
            await connection.close()
            throw error
        }
        print("vacuumed and analyzed")
    }
}
