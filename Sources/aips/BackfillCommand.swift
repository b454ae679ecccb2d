import ArgumentParser
import Foundation
import Jobs
import Queue
import Redis

/// `aips backfill`: enqueues the jobs that reload a date range, flagged `is_backfill`.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract:
            "Enqueue collect.games / collect.odds (historical snapshots) / collect.statcast / collect.weather (archive) jobs for a date range, with is_backfill=true.")

    @OptionGroup var redis: RedisOptions

    @Option(help: "First day, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last day, YYYY-MM-DD (inclusive).")
    var to: String

    @Option(help: "Comma-separated: games,odds,statcast,weather,boxScores.")
    var sources: String = "games,odds"

    @Option(help: "Comma-separated sport codes.")
    var sports: String = "nba,mlb,epl,nhl,nfl"

    @Option(name: .customLong("odds-hour"), help: "UTC hour of each day's historical odds snapshot.")
    var oddsHour: Int = 16

    @Option(
        name: .customLong("odds-snapshots-per-day"),
        help: "Historical odds snapshots a day, from --odds-hour on, spread evenly (more find each line closer to its open).")
    var oddsSnapshotsPerDay: Int = 1

    @Option(help: "Queue (default: each job type's queue, collect).")
    var queue: String?

    func run() async throws {
        var chosen = Set<BackfillSource>()
        for name in sources.split(separator: ",") {
            guard let source = BackfillSource(rawValue: String(name)) else {
                throw ValidationError("unknown source \(name); use \(BackfillSource.allCases.map(\.rawValue).joined(separator: ","))")
            }
            chosen.insert(source)
        }
        let plan = BackfillPlan(
            sports: sports.split(separator: ",").map(String.init), from: from, to: to, sources: chosen, oddsSnapshotHour: oddsHour,
            oddsSnapshotsPerDay: oddsSnapshotsPerDay)
        let requests = try plan.requests(queue: queue)
        let credits = try plan.maximumOddsCredits(CollectorEnvironment.oddsAPI())
        try await redis.withQueue { jobs in
            let results = try await jobs.enqueue(requests)
            print("enqueued \(results.count) backfill jobs for \(plan.sports.joined(separator: ",")) \(from)…\(to) (\(sources))")
            // Historical odds cost ten times a live call: say what the quota is charged before the jobs spend it.
            if credits > 0 { print("their odds snapshots cost up to \(credits) Odds API credits (10 per market and region a snapshot)") }
        }
    }
}
