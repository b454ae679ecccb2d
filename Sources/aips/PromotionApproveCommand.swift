import ArgumentParser
import Store

/// `aips promotion approve ID`: `POST /admin/promotions/{id}/approve` from the command line.
struct PromotionApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Promote a pending request's model to champion; refused before its shadow period is complete unless --force.")

    @Argument(help: "The promotion request's id.")
    var id: Int

    @Flag(help: "Approve before the shadow period is complete (the model's event records it).")
    var force = false

    @OptionGroup var database: APIDatabaseOptions
    @OptionGroup var promotion: PromotionShadowOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let required = try promotion.resolvedGames()
        let decision = try await database.makeStore().withShutdown {
            try await $0.promotionRequests.approve(id: id, by: nil, requiredShadowGames: required, force: force)
        }
        print(try PromotionCommand.describe(decision, id: id))
    }
}
