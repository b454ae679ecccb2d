import ArgumentParser

/// The seed's routine maintenance (§4.9) as commands an operator or a cron job runs.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Routine maintenance: back up the database, prove a backup restores, vacuum and analyze.",
        subcommands: [MaintenanceBackupCommand.self, MaintenanceVerifyBackupCommand.self, MaintenanceVacuumCommand.self])
}
