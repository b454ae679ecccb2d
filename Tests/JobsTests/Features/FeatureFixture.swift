import Foundation
import Jobs
import Logging
import Queue
import Sandbox
import SandboxSupport
import Store

/// A realistic history for the featurizer tests: simulated days loaded through the real collectors.
enum FeatureFixture {
    /// Loads `sports`' games for the days `from` through `to` (`YYYY-MM-DD`), then two odds snapshots a day
    /// (16:00 and 22:00 UTC, so lines can move before a game), then Statcast and Open-Meteo's archive when asked, all
    /// flagged backfill.
    static func backfill(
        _ store: Store, _ sandbox: RunningSandbox, sports: [String], from: String, to: String, statcast: Bool = false,
        weather: Bool = false
    ) async throws {
        let configuration = CollectorConfiguration.sandbox(sandbox)
        let upstream = UpstreamClient()
        let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
        let odds = OddsCollector(configuration: configuration, store: store, upstream: upstream)
        let pitches = StatcastCollector(
            client: SavantClient(configuration: SavantConfiguration(baseURL: sandbox.baseURL, chunkDays: 2), upstream: upstream),
            store: store, now: configuration.now)
        var requests: [JobRequest] = []
        for hour in [16, 22] {
            var sources: Set<BackfillSource> = [.odds]
            if hour == 16 { sources.insert(.games) }
            if hour == 16 && statcast { sources.insert(.statcast) }
            if hour == 16 && weather { sources.insert(.weather) }
            requests += try BackfillPlan(sports: sports, from: from, to: to, sources: sources, oddsSnapshotHour: hour).requests()
        }
        // Every game first, so each snapshot finds all the games it quotes; then the snapshots in time order.
        let decoder = JSONDecoder()
        for request in requests where request.type == CollectGames.jobType {
            _ = try await games.collect(
                decoder.decode(CollectGames.self, from: Data(request.payload.utf8)), jobID: request.id, logger: CollectTestSupport.logger)
        }
        let snapshots = try requests.filter { $0.type == CollectOdds.jobType }
            .map { (request: $0, parameters: try decoder.decode(CollectOdds.self, from: Data($0.payload.utf8))) }
            .sorted { ($0.parameters.snapshotAt ?? "") < ($1.parameters.snapshotAt ?? "") }
        for snapshot in snapshots {
            _ = try await odds.collect(snapshot.parameters, jobID: snapshot.request.id, logger: CollectTestSupport.logger)
        }
        for request in requests where request.type == CollectStatcast.jobType {
            _ = try await pitches.collect(
                decoder.decode(CollectStatcast.self, from: Data(request.payload.utf8)), jobID: request.id, logger: CollectTestSupport.logger)
        }
        let forecasts = WeatherCollector(configuration: configuration, store: store, upstream: upstream)
        for request in requests where request.type == CollectWeather.jobType {
            _ = try await forecasts.collect(
                decoder.decode(CollectWeather.self, from: Data(request.payload.utf8)), jobID: request.id, logger: CollectTestSupport.logger)
        }
    }

    /// `YYYY-MM-DD` at UTC midnight.
    static func day(_ text: String) -> Date {
        let parts = text.split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }
}
