import Scheduler

/// The schedules of `aips dev`.
enum DevelopmentSchedules {
    /// The default schedules with the game pipeline (scores, features, predictions, closing lines, settlement)
    /// every minute: in a world running `speed` times real time, the hourly cadence of production would let
    /// whole games start and end between two runs.
    static func schedules(_ schedules: [Schedule], speed: Double) -> [Schedule] {
        guard speed > 1 else { return schedules }
        let everyMinute: Set<String> = ["collect.games", "featurize", "predict", "closing.capture", "settle", "quality.check"]
        return schedules.map { schedule in
            guard everyMinute.contains(schedule.name) else { return schedule }
            var faster = schedule
            do { faster.cron = try CronExpression("@every 60s") } catch { preconditionFailure("built-in schedule: \(error)") }
            faster.missedTicks = .skip
            return faster
        }
    }
}
