import ArgumentParser

/// `aips schedule …`: inspect and trigger the cron schedule.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Inspect the cron schedule or trigger one of its entries now.",
        subcommands: [ScheduleListCommand.self, ScheduleTriggerCommand.self])
}
