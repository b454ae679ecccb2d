import Scheduler

/// The schedules of `aips dev`.
enum DevelopmentSchedules {
    /// Production's game jobs, as one flow a minute: in a world running `speed` times real time, production's
    /// hourly cadence would let whole games start and end between two runs, and jobs that production spaces out
    /// (odds at :00, features at :05, predictions at :20) would race each other on the same tick. The flow runs
    /// scores, then odds (then player props), weather and injury lists, then features, then the quality checks, then predictions;
    /// closing lines and settlement follow the scores. Statcast, which publishes a day at a time, and the daily drift check
    /// (a world day passes in minutes) run every ten minutes.
    /// Only the jobs of `served` types are kept: those this build has handlers for, and, for a replayed file, that have
    /// a source in it.
    static func schedules(_ schedules: [Schedule], speed: Double, served: Set<String>) -> [Schedule] {
        let schedules = schedules.compactMap { $0.keeping(jobTypes: served) }
        guard speed > 1 else { return schedules }
        let folded: Set<String> = [
            "collect.games", "collect.odds", "collect.weather", "collect.injuries", "featurize", "quality.check", "predict",
            "predict.props", "closing.capture", "settle",
            "collect.statcast", "collect.prop_odds", "monitor.drift",
        ]
        func every(_ text: String) -> CronExpression {
            do { return try CronExpression(text) } catch { preconditionFailure("built-in schedule: \(error)") }
        }
        let pipeline = Schedule(
            name: "dev.pipeline", cron: every("@every 60s"),
            jobs: [
                ScheduledJob(type: "collect.games", queue: "collect", timeout: .seconds(50)),
                // Prices are stored for games already collected: the first tick's odds would find none.
                ScheduledJob(type: "collect.odds", queue: "collect", timeout: .seconds(50), after: ["collect.games"]),
                ScheduledJob(type: "collect.weather", queue: "collect", timeout: .seconds(50)),
                ScheduledJob(type: "collect.injuries", queue: "collect", timeout: .seconds(50)),
                // Props need the event ids the odds collection records.
                ScheduledJob(type: "collect.prop_odds", queue: "collect", timeout: .seconds(50), after: ["collect.odds"]),
                ScheduledJob(
                    type: "featurize", queue: "features", timeout: .seconds(50),
                    after: ["collect.games", "collect.odds", "collect.weather", "collect.injuries"]),
                ScheduledJob(type: "quality.check", queue: "collect", timeout: .seconds(50), after: ["featurize"]),
                ScheduledJob(type: "predict.props", queue: "predict", timeout: .seconds(50), after: ["featurize", "collect.prop_odds"]),
                ScheduledJob(type: "predict.player_points", queue: "predict", timeout: .seconds(50), after: ["collect.prop_odds"]),
                ScheduledJob(type: "predict", queue: "predict", timeout: .seconds(50), after: ["quality.check"]),
                ScheduledJob(type: "closing.capture", queue: "collect", timeout: .seconds(50), after: ["collect.games"]),
                ScheduledJob(type: "settle", queue: "predict", timeout: .seconds(50), after: ["closing.capture"]),
            ])
        let statcast = Schedule(
            name: "dev.statcast", cron: every("@every 600s"),
            jobs: [ScheduledJob(type: "collect.statcast", queue: "collect", timeout: .seconds(300))])
        let drift = Schedule(
            name: "dev.drift", cron: every("@every 600s"),
            jobs: [ScheduledJob(type: "monitor.drift", queue: "predict", timeout: .seconds(300))])
        return schedules.filter { !folded.contains($0.name) } + [pipeline, statcast, drift].compactMap { $0.keeping(jobTypes: served) }
    }
}
