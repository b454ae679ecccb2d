import ArgumentParser
import Foundation
import Store

struct MaintenanceVerifyBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-backup",
        abstract: "Restore a backup into a scratch database on the server and check every table against its manifest.")
    @OptionGroup var database: MigrateOptions
    @Argument(help: "The backup file (written by aips maintenance backup).") var file: String

    func run() async throws {
        let manifest = try await DatabaseBackup(databaseURL: try database.resolvedURL()).verify(URL(fileURLWithPath: file))
        print("\(file): restores; \(manifest.tables.count) tables and \(manifest.tables.values.reduce(0, +)) rows match its manifest")
    }
}
