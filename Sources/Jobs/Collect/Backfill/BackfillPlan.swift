import Foundation
import Queue

/// The jobs that reload a date range through the same collectors, flagged `is_backfill`.
///
/// Per sport and day: a `collect.games` job for the Eastern day, and a `collect.odds` job for the
/// historical snapshot at `oddsSnapshotHour` UTC (or earlier, before the first games of a sport that plays in the
/// European morning: `CollectedSport.firstGamesHourUTC`), and for `oddsSnapshotsPerDay` above one at hours spread
/// evenly over the day from there, each of which waits for the games jobs of that day and the days a
/// live games run reads ahead (`GamesCollector.daysAhead`). So its events find their games: every game has a price,
/// and so a closing line, before it starts, and also the earlier prices of each snapshot that quoted it days ahead,
/// so the history's lines move from their open as the live ones do. Statcast (MLB only), weather
/// (every sport; indoor venues cost nothing) and box scores (the final games' summaries) go a week per job, after that
/// week's games jobs, so pitches, weather and summaries find their games.
public struct BackfillPlan: Sendable {
    /// The platform's sport codes.
    public var sports: [String]
    /// The first day, `YYYY-MM-DD`.
    public var from: String
    /// The last day, inclusive.
    public var to: String
    /// What to reload.
    public var sources: Set<BackfillSource>
    /// The UTC hour of each day's odds snapshot (16: noon Eastern, before the day's first games).
    public var oddsSnapshotHour: Int
    /// Odds snapshots a day, 1…24. A game's first price in the history is the first snapshot after its market opened,
    /// and a model that publishes at the open learns from it: one a day finds lines up to a day after they opened (a
    /// simulated NBA history's first prices came 16 hours after the open on average), by which time news has moved them.
    public var oddsSnapshotsPerDay: Int

    /// A plan; at most 366 days.
    public init(
        sports: [String], from: String, to: String, sources: Set<BackfillSource>, oddsSnapshotHour: Int = 16, oddsSnapshotsPerDay: Int = 1
    ) {
        self.sports = sports
        self.from = from
        self.to = to
        self.sources = sources
        self.oddsSnapshotHour = oddsSnapshotHour
        self.oddsSnapshotsPerDay = oddsSnapshotsPerDay
    }

    /// The days of the range as UTC midnights.
    public func days() throws -> [Date] {
        guard let first = UpstreamTime.local(from + "T00:00", utcOffsetSeconds: 0),
            let last = UpstreamTime.local(to + "T00:00", utcOffsetSeconds: 0)
        else {
            throw QueueError(.invalidRequest, "backfill dates must be YYYY-MM-DD (got \(from.prefix(20))…\(to.prefix(20)))")
        }
        guard first <= last, last.timeIntervalSince(first) < 366 * 86_400 else {
            throw QueueError(.invalidRequest, "backfill range must run forward and cover at most 366 days")
        }
        return stride(from: first.timeIntervalSince1970, through: last.timeIntervalSince1970, by: 86_400).map {
            Date(timeIntervalSince1970: $0)
        }
    }

    /// The most Odds API credits the plan's historical odds snapshots cost with `configuration`'s markets and regions:
    /// a backfill is the expensive part of a quota (ten times a live call), and a quota spent on it leaves the live
    /// collectors nothing.
    public func maximumOddsCredits(_ configuration: OddsAPIConfiguration) throws -> Int {
        guard sources.contains(.odds) else { return 0 }
        return try days().count * oddsSnapshotsPerDay * sports.count * configuration.historicalSnapshotCredits
    }

    /// The job requests, in order (a sport's games jobs before the jobs that wait for them); odds, weather and
    /// Statcast jobs depend on their days' games jobs when those are planned.
    public func requests(queue: String? = nil) throws -> [JobRequest] {
        guard (0...23).contains(oddsSnapshotHour) else { throw QueueError(.invalidRequest, "oddsSnapshotHour must be 0…23") }
        guard (1...24).contains(oddsSnapshotsPerDay) else { throw QueueError(.invalidRequest, "oddsSnapshotsPerDay must be 1…24") }
        var requests: [JobRequest] = []
        var mlbGames: [Date: String] = [:]
        let all = try days()
        for sport in sports {
            var gamesByDay: [Date: String] = [:]
            for day in all where sources.contains(.games) {
                let parameters = CollectGames(
                    sport: sport, dates: [String(UpstreamTime.isoDay(day).filter(\.isNumber))], isBackfill: true)
                try parameters.validate()
                let request = try JobRequest(parameters, queue: queue)
                gamesByDay[day] = request.id
                if sport == "mlb" { mlbGames[day] = request.id }
                requests.append(request)
            }
            let first = min(oddsSnapshotHour, CollectedSport.named(sport)?.firstGamesHourUTC ?? oddsSnapshotHour)
            // Every snapshot of a day stays on that day, so the games jobs it waits for are those of the first one.
            let minutes = (0..<oddsSnapshotsPerDay).map { (first * 60 + $0 * 1_440 / oddsSnapshotsPerDay) % 1_440 }.sorted()
            for day in all where sources.contains(.odds) {
                for minute in minutes {
                    let parameters = CollectOdds(
                        sport: sport, snapshotAt: day.addingTimeInterval(Double(minute) * 60), isBackfill: true, includeScores: false)
                    try parameters.validate()
                    var request = try JobRequest(parameters, queue: queue)
                    request.dependsOn = (0...GamesCollector.daysAhead).compactMap { gamesByDay[day.addingTimeInterval(Double($0) * 86_400)] }
                    requests.append(request)
                }
            }
            if sources.contains(.boxScores) {
                for week in Self.weeks(all) {
                    let parameters = CollectSummaries(sport: sport, from: UpstreamTime.isoDay(week.first!), to: UpstreamTime.isoDay(week.last!))
                    try parameters.validate()
                    var request = try JobRequest(parameters, queue: queue)
                    request.dependsOn = week.compactMap { gamesByDay[$0] }
                    requests.append(request)
                }
            }
            if sources.contains(.weather) {
                for week in Self.weeks(all) {
                    let parameters = CollectWeather(
                        sport: sport, from: UpstreamTime.isoDay(week.first!), to: UpstreamTime.isoDay(week.last!), isBackfill: true)
                    try parameters.validate()
                    var request = try JobRequest(parameters, queue: queue)
                    request.dependsOn = week.compactMap { gamesByDay[$0] }
                    requests.append(request)
                }
            }
        }
        if sources.contains(.statcast) && sports.contains("mlb") {
            for week in Self.weeks(all) {
                let parameters = CollectStatcast(
                    from: UpstreamTime.isoDay(week.first!), to: UpstreamTime.isoDay(week.last!), isBackfill: true)
                var request = try JobRequest(parameters, queue: queue)
                request.dependsOn = week.compactMap { mlbGames[$0] }
                requests.append(request)
            }
        }
        return requests
    }

    /// `days` in runs of seven, the last one shorter.
    private static func weeks(_ days: [Date]) -> [ArraySlice<Date>] {
        stride(from: 0, to: days.count, by: 7).map { days[$0..<min($0 + 7, days.count)] }
    }
}
