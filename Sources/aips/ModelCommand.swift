import ArgumentParser

/// `aips model …`: the model registry's repairs of `/api/v1/admin/models` from the command line.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Repair the model registry: roll a champion back.", subcommands: [ModelRollbackCommand.self])
}
