import ArgumentParser
import Foundation
import Store

struct MaintenanceBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a pg_dump backup of the database (custom format) and a manifest of its row counts beside it.")
    @OptionGroup var database: MigrateOptions
    @Option(help: "The backup file to write (its manifest goes to FILE.manifest.json).") var out: String

    func run() async throws {
        let file = URL(fileURLWithPath: out)
        let manifest = try await DatabaseBackup(databaseURL: try database.resolvedURL()).write(to: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("\(file.path): \(size) bytes, \(manifest.tables.count) tables, \(manifest.tables.values.reduce(0, +)) rows")
    }
}
