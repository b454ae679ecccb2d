import ArgumentParser

/// The one executable of the platform.
@main
struct AIPS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aips",
        abstract: "AI Pro Sports job platform: queue, workers, scheduler, API.",
        subcommands: [
            DevCommand.self,
            WorkerCommand.self,
            SchedulerCommand.self,
            EnqueueCommand.self,
            QueueCommand.self,
            ScheduleCommand.self,
            MigrateCommand.self,
            MaintenanceCommand.self,
            MLCommand.self,
            APICommand.self,
            UserCommand.self,
            PromotionCommand.self,
            ModelCommand.self,
            SandboxCommand.self,
            BackfillCommand.self,
        ]
    )
}
