import Foundation

extension Schedule {
    /// The seed's schedule: collectors at their source's refresh rate, hourly features,
    /// predictions for upcoming games, settlement of finished ones, closing-line capture
    /// and data-quality checks, the nightly retrain flow and the daily drift check of its champions.
    ///
    /// Handlers of the periodic game jobs (`closing.capture`, `predict`, `settle`) find
    /// the games concerned themselves: games starting soon, upcoming, or finished.
    /// Queues: `collect` for the collectors and checks, `features`, `predict`,
    /// `training` for the retrain flow.
    public static let defaults: [Schedule] = {
        let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
        func cron(_ text: String) -> CronExpression {
            do { return try CronExpression(text) } catch { preconditionFailure("built-in schedule: \(error)") }
        }
        func every(_ name: String, _ expression: String, queue: String, timeout: Duration, missed: MissedTickPolicy = .skip)
            -> Schedule
        {
            Schedule(
                name: name, cron: cron(expression),
                jobs: [ScheduledJob(type: name, queue: queue, timeout: timeout)], missedTicks: missed)
        }
        return [
            // The Odds API, every 60 s; a tick older than a minute is worthless.
            every("collect.odds", "@every 60s", queue: "collect", timeout: .seconds(50)),
            // The Odds API's player props, per event of the next 24 hours' MLB games. Each event is a request charged
            // on its own (a slate of 15 games costs 15 credits a run, five times `collect.odds`), so every 10 minutes.
            every("collect.prop_odds", "@every 10m", queue: "collect", timeout: .seconds(300)),
            // ESPN scoreboard: schedule, scores, status, injuries.
            every("collect.games", "@every 5m", queue: "collect", timeout: .seconds(240)),
            every("collect.weather", "@every 4h", queue: "collect", timeout: .seconds(600), missed: .catchUp(limit: 1)),
            // ESPN's injury lists change through the day.
            every("collect.injuries", "@every 30m", queue: "collect", timeout: .seconds(240)),
            // ESPN game summaries (attendance, duration, officials) of the games gone final since the last run.
            every("collect.summaries", "@every 1h", queue: "collect", timeout: .seconds(600)),
            // Statcast publishes the previous day's games overnight.
            Schedule(
                name: "collect.statcast", cron: cron("0 6 * * *"), timeZone: newYork,
                jobs: [ScheduledJob(type: "collect.statcast", queue: "collect", timeout: .seconds(3_600))],
                missedTicks: .catchUp(limit: 1)),
            // Closing lines: the handler captures the lines of games starting within its window.
            every("closing.capture", "@every 60s", queue: "collect", timeout: .seconds(50)),
            // Freshness, completeness and score consistency; failures alert and block predict.
            every("quality.check", "@every 5m", queue: "collect", timeout: .seconds(240)),
            // After the games collector's top-of-hour run.
            every("featurize", "5 * * * *", queue: "features", timeout: .seconds(1_800), missed: .catchUp(limit: 1)),
            // Upcoming games, once their features are fresh.
            every("predict", "20 * * * *", queue: "predict", timeout: .seconds(1_800), missed: .catchUp(limit: 1)),
            // Player props of the next 24 hours' games, each player, game and line once: MLB batter hits and, side by side
            // (neither reads the other's rows), NBA player points.
            Schedule(
                name: "predict.props", cron: cron("25 * * * *"),
                jobs: [
                    ScheduledJob(type: "predict.props", queue: "predict", timeout: .seconds(1_800)),
                    ScheduledJob(type: "predict.player_points", queue: "predict", timeout: .seconds(1_800)),
                ],
                missedTicks: .catchUp(limit: 1)),
            // Finished games: grading, CLV, ROI.
            every("settle", "*/15 * * * *", queue: "predict", timeout: .seconds(600), missed: .catchUp(limit: 1)),
            // Nightly retrain in the low-traffic hours: both learners, then calibration on their output.
            Schedule(
                name: "retrain", cron: cron("0 4 * * *"), timeZone: newYork,
                jobs: [
                    ScheduledJob(step: "automl", type: "train.automl", queue: "training", maxAttempts: 2, timeout: .seconds(7_200)),
                    ScheduledJob(step: "stack", type: "train.stack", queue: "training", maxAttempts: 2, timeout: .seconds(7_200)),
                    ScheduledJob(
                        step: "calibrate", type: "calibrate", queue: "training", maxAttempts: 2, timeout: .seconds(1_800),
                        after: ["automl", "stack"]),
                ],
                missedTicks: .catchUp(limit: 1)),
            // Each champion's feature drift since training, after the retrain flow has settled who the champions are.
            Schedule(
                name: "monitor.drift", cron: cron("0 7 * * *"), timeZone: newYork,
                jobs: [ScheduledJob(type: "monitor.drift", queue: "predict", timeout: .seconds(1_800))],
                missedTicks: .catchUp(limit: 1)),
            // New alerts to users' webhooks within a minute of the run that raised them; a failed POST is tried again here.
            every("alerts.deliver", "@every 60s", queue: "predict", timeout: .seconds(50)),
        ]
    }()
}
