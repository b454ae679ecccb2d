import ArgumentParser

/// `aips ml …`: train and compare the platform's learners from the command line.
struct MLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ml",
        abstract: "Train and evaluate the ML library's learners on CSV files.",
        subcommands: [MLTrainCommand.self, MLPredictCommand.self]
    )
}
