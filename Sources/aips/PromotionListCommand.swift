import ArgumentParser
import Foundation
import Store

/// `aips promotion list`: the pending requests, oldest first, with their shadow periods.
struct PromotionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the pending promotion requests with their shadow periods, oldest first.")

    @OptionGroup var database: APIDatabaseOptions
    @OptionGroup var promotion: PromotionShadowOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let required = try promotion.resolvedGames()
        let table = try await database.makeStore().withShutdown { store in
            var table = OutputTable(headers: ["ID", "MODEL", "REPLACES", "REQUESTED", "SHADOW GAMES", "LOG LOSS VS CHAMPION"])
            for request in try await store.promotionRequests.pending() {
                let model = try await store.models.summary(id: request.modelID)
                let comparison = try await store.shadowForecasts.comparison(modelID: request.modelID)
                let period = ShadowPeriod(request, comparison: comparison, requiredGames: required)
                table.rows.append([
                    String(request.id), model.map { "#\($0.id) \($0.name) v\($0.version)" } ?? "#\(request.modelID)",
                    request.championID.map { "#\($0)" } ?? "-", request.requestedAt.formatted(.iso8601),
                    "\(period.settledGames)/\(period.requiredGames)" + (period.isComplete ? "" : " (running)"),
                    comparison.logLossDifference.map { String(format: "%+.4f", $0) } ?? "-",
                ])
            }
            return table
        }
        print(table.rows.isEmpty ? "no pending promotion requests" : table.render())
    }
}
