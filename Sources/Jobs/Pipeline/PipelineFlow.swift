import Foundation
import Queue

/// The model pipeline from an empty database, as one flow of jobs: how `aips dev` gets to predictions in minutes.
public enum PipelineFlow {
    /// Quick settings for a first model: a window of `days`, a small AutoML search and a one-layer stack.
    public static func quickSettings(days: Int) -> TrainingSettings {
        var settings = TrainingSettings()
        settings.trainingWindowDays = days
        settings.validationWindowDays = max(7, days / 4)
        settings.maxModels = 12
        settings.maxRuntimeSeconds = 30
        settings.preset = .mediumQuality
        settings.folds = 3
        return settings
    }

    /// The days of box scores a bootstrap collects for the NBA's player points and MLB's starters (the NFL's, NHL's and
    /// Premier League's team statistics: every day of it).
    static let boxScoreDays = 28.0

    /// Historical odds snapshots a day in a bootstrap: the open's models learn from each game's first price, which
    /// should be near its open, as the price they publish against is (with one a day it came 16 hours after the open on
    /// average, and news had moved the line by then).
    public static let oddsSnapshotsPerDay = 4

    /// The backfill of `sport`'s `days` days before `now` from `sources`, with the bootstrap's odds snapshots.
    static func historyPlan(sport: String, days: Int, now: Date, sources: Set<BackfillSource>) -> BackfillPlan {
        let day: (Date) -> String = UpstreamTime.easternDay
        return BackfillPlan(
            sports: [sport], from: day(now.addingTimeInterval(-Double(days) * 86_400)), to: day(now.addingTimeInterval(-86_400)),
            sources: sources, oddsSnapshotsPerDay: oddsSnapshotsPerDay)
    }

    /// The most Odds API credits a bootstrap of `sports` over `days` days before `now` spends on historical odds, with
    /// `configuration`'s markets and regions: what an account needs beyond its live collection.
    public static func bootstrapOddsCredits(sports: [String], days: Int, now: Date, configuration: OddsAPIConfiguration) throws -> Int {
        guard days > 0 else { return 0 }
        return try sports.reduce(0) { sum, sport in
            try sum + historyPlan(sport: sport, days: days, now: now, sources: [.odds]).maximumOddsCredits(configuration)
        }
    }

    /// Per sport: games and odds (and Statcast for MLB, weather for MLB, the NFL and the Premier League, the last four
    /// weeks' box scores for the NBA and MLB, every day's for the NFL, the NHL and the Premier League) for each of the
    /// `days` days before `now`, then `featurize` over the range once they are all in (an hour before each start, and
    /// at each market's open: each publication's models learn from the features its forecast sees), then
    /// `train.automl` and `train.stack` on it for both publications, then `calibrate` once both are done.
    ///
    /// `replayed`: the sandbox replays a file of games and prices (`aips sandbox --replay`), which has nothing else to
    /// collect: games and odds only.
    public static func bootstrap(
        sports: [String], days: Int, now: Date, settings: TrainingSettings? = nil, thresholds: PromotionThresholds? = nil,
        replayed: Bool = false
    ) throws -> [JobRequest] {
        // Eastern days, as the collectors count them: a UTC day would name today's Eastern date between
        // midnight UTC and midnight Eastern, and the weather archive refuses a day that is not over.
        let day: (Date) -> String = UpstreamTime.easternDay
        let time: (Date) -> String = { $0.formatted(.iso8601) }
        let start = now.addingTimeInterval(-Double(days) * 86_400)
        let settings = settings ?? quickSettings(days: days)
        var requests: [JobRequest] = []
        for sport in sports {
            // Baseball's advanced features come from Statcast; baseball, football and soccer are played in the weather.
            // Scores and prices, which every sport collects and all a replayed file has.
            var sources = Self.replayedSources
            if !replayed {
                if sport == "mlb" { sources.insert(.statcast) }
                if FeatureCatalog.readsWeather(sport: sport) { sources.insert(.weather) }
            }
            var history = try historyPlan(sport: sport, days: days, now: now, sources: sources).requests()
            // The NBA's player-points props and MLB's starters' strikeout features learn from box scores, which only
            // final games' summaries carry: the last four weeks', once their games are in, are recent form enough to
            // start on (a starter has pitched five or six times in them).
            // The team-statistics features read each team's last five or ten games, so those sports' box scores are
            // collected over the whole range.
            let readsTeamStatistics = SummariesCollector.teamStatistics[sport] != nil
            if !replayed, sport == SummariesCollector.boxscoreSport || sport == SummariesCollector.pitchingSport || readsTeamStatistics {
                let gamesJobs = history.filter { $0.type == CollectGames.jobType }.map(\.id)
                let from = readsTeamStatistics ? start : max(start, now.addingTimeInterval(-Self.boxScoreDays * 86_400))
                history += try BackfillPlan(
                    sports: [sport], from: day(from), to: day(now.addingTimeInterval(-86_400)), sources: [.boxScores]
                ).requests().map { request in
                    var request = request
                    request.dependsOn = gamesJobs
                    return request
                }
            }
            var featurize = try JobRequest(Featurize(sport: sport, from: start, to: now), queue: "features")
            featurize.dependsOn = history.map(\.id)
            var featurizeOpen = try JobRequest(Featurize(sport: sport, from: start, to: now, atOpen: true), queue: "features")
            featurizeOpen.dependsOn = history.map(\.id)
            var automl = try JobRequest(TrainAutoML(sport: sport, asOf: time(now), settings: settings))
            automl.dependsOn = [featurize.id, featurizeOpen.id]
            automl.maxAttempts = 2
            automl.timeout = .seconds(3_600)
            var stack = try JobRequest(TrainStack(sport: sport, asOf: time(now), settings: settings))
            stack.dependsOn = [featurize.id, featurizeOpen.id]
            stack.maxAttempts = 2
            stack.timeout = .seconds(3_600)
            var calibrate = try JobRequest(Calibrate(sport: sport, thresholds: thresholds))
            calibrate.dependsOn = [automl.id, stack.id]
            calibrate.maxAttempts = 2
            requests += history + [featurize, featurizeOpen, automl, stack, calibrate]
        }
        return requests
    }
}
