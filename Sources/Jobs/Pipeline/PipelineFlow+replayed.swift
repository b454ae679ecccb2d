extension PipelineFlow {
    /// What a replayed file of games and prices has to collect: its scores and its lines.
    public static let replayedSources: Set<BackfillSource> = [.games, .odds]

    /// The jobs that have a source when the sandbox replays a file of games and prices (`aips sandbox --replay`,
    /// `aips dev --replay`): its scoreboard and its odds, and what is made of them. Weather, injury lists, Statcast,
    /// box scores and player props are not in such a file; their collectors would only fail.
    public static let replayedJobTypes: Set<String> = [
        CollectGames.jobType, CollectOdds.jobType, Featurize.jobType, QualityCheck.jobType, Predict.jobType,
        CaptureClosingLines.jobType, SettlePredictions.jobType, TrainAutoML.jobType, TrainStack.jobType, Calibrate.jobType,
    ]
}
