import ArgumentParser

/// `aips migrate`: applies, reverts and lists the schema migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply, revert or list the PostgreSQL schema migrations.",
        subcommands: [MigrateUpCommand.self, MigrateDownCommand.self, MigrateStatusCommand.self],
        defaultSubcommand: MigrateStatusCommand.self
    )
}
