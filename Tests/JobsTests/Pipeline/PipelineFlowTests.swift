import Foundation
import Queue
import Testing

@testable import Jobs

/// The bootstrap flow asks the collectors only for days that are over, whatever the hour it starts at.
@Suite struct PipelineFlowTests {
    @Test(arguments: [
        "2026-11-26T00:27:00Z",  // 19:27 Eastern the day before: UTC already names the next day
        "2026-11-26T04:59:00Z",
        "2026-11-26T12:00:00Z",
        "2026-07-01T03:30:00Z",  // daylight-saving time
    ])
    func historyEndsWithTheLastFinishedEasternDay(_ text: String) throws {
        let now = try Date(text, strategy: .iso8601)
        let requests = try PipelineFlow.bootstrap(sports: ["mlb"], days: 30, now: now)
        let weather = try requests.filter { $0.type == CollectWeather.jobType }.map {
            try JSONDecoder().decode(CollectWeather.self, from: Data($0.payload.utf8))
        }
        #expect(!weather.isEmpty)
        for job in weather {
            try job.validate()
            let range = try #require(job.archiveRange)
            #expect(range.upperBound <= now, "\(job.from ?? "")…\(job.to ?? "") at \(text)")
        }
        // The last day asked for is yesterday in Eastern time.
        let last = try #require(weather.compactMap(\.to).max())
        #expect(last == UpstreamTime.easternDay(now.addingTimeInterval(-86_400)))
        #expect(try #require(weather.compactMap(\.archiveRange?.upperBound).max()) > now.addingTimeInterval(-2 * 86_400))
        // Odds snapshots come four a day, so each game's first price is near its open, and none is after now.
        let snapshots = try requests.filter { $0.type == CollectOdds.jobType }.map {
            try Date(try #require(JSONDecoder().decode(CollectOdds.self, from: Data($0.payload.utf8)).snapshotAt), strategy: .iso8601)
        }
        #expect(snapshots.count == 4 * requests.filter { $0.type == CollectGames.jobType }.count && snapshots.allSatisfy { $0 < now })
    }

    /// What a bootstrap's history may charge an Odds API account, by which `aips dev` sizes its sandbox's quota.
    @Test func aBootstrapsOddsCostIsItsSnapshotsAtTheHistoricalPrice() throws {
        let now = try Date("2026-12-06T02:00:00Z", strategy: .iso8601)
        let odds = OddsAPIConfiguration(apiKey: "sandbox")
        let requests = try PipelineFlow.bootstrap(sports: ["nba", "mlb"], days: 30, now: now)
        let snapshots = requests.filter { $0.type == CollectOdds.jobType }.count
        #expect(try PipelineFlow.bootstrapOddsCredits(sports: ["nba", "mlb"], days: 30, now: now, configuration: odds) == snapshots * 30)
        #expect(snapshots == 2 * 30 * 4)
        #expect(try PipelineFlow.bootstrapOddsCredits(sports: ["nba"], days: 0, now: now, configuration: odds) == 0)
    }

    @Test(arguments: ["nba", "mlb", "epl", "nhl", "nfl"])
    func outdoorSportsStartWithTheWeatherOfEveryDay(sport: String) throws {
        let now = try Date("2026-03-01T17:00:00Z", strategy: .iso8601)
        let requests = try PipelineFlow.bootstrap(sports: [sport], days: 60, now: now)
        let weather = requests.filter { $0.type == CollectWeather.jobType }
        // Baseball, football and the Premier League play in the weather; basketball and hockey indoors.
        #expect(weather.isEmpty == !["mlb", "nfl", "epl"].contains(sport))
        guard !weather.isEmpty else { return }
        let days = try weather.map { try JSONDecoder().decode(CollectWeather.self, from: Data($0.payload.utf8)) }
        #expect(days.allSatisfy { $0.sport == sport && $0.isBackfill == true })
        #expect(days.compactMap(\.from).min() == "2025-12-31" && days.compactMap(\.to).max() == "2026-02-28")
        let featurize = try #require(requests.first { $0.type == Featurize.jobType })
        #expect(Set(weather.map(\.id)).isSubset(of: Set(featurize.dependsOn)))
    }

    /// The box-score collections of a 60-day bootstrap of `sport` on 2026-03-01, each expected to run after every
    /// games collection and before featurize.
    static func boxScoreCollections(sport: String) throws -> [CollectSummaries] {
        let now = try Date("2026-03-01T17:00:00Z", strategy: .iso8601)
        let requests = try PipelineFlow.bootstrap(sports: [sport], days: 60, now: now)
        let games = Set(requests.filter { $0.type == CollectGames.jobType }.map(\.id))
        let boxScores = requests.filter { $0.type == CollectSummaries.jobType }
        #expect(!boxScores.isEmpty && boxScores.allSatisfy { Set($0.dependsOn) == games })
        let featurize = try #require(requests.first { $0.type == Featurize.jobType })
        #expect(Set(boxScores.map(\.id)).isSubset(of: Set(featurize.dependsOn)))
        return try boxScores.map { try JSONDecoder().decode(CollectSummaries.self, from: Data($0.payload.utf8)) }
    }

    @Test(arguments: ["nba", "mlb"])
    func theNBAAndMLBStartWithFourWeeksOfBoxScoresOnceTheirGamesAreIn(sport: String) throws {
        let days = try Self.boxScoreCollections(sport: sport)
        #expect(days.compactMap(\.from).min() == "2026-02-01" && days.compactMap(\.to).max() == "2026-02-28")
    }

    @Test(arguments: ["nfl", "nhl", "epl"])
    func teamStatisticsSportsCollectEveryDaysBoxScores(sport: String) throws {
        let days = try Self.boxScoreCollections(sport: sport)
        #expect(days.compactMap(\.from).min() == "2025-12-31" && days.compactMap(\.to).max() == "2026-02-28")
    }
}
