import ArgumentParser
import Store

/// `aips promotion reject ID --reason TEXT`: `POST /admin/promotions/{id}/reject` from the command line.
struct PromotionRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a pending request with a reason: its model goes back to challenger, the champion stays.")

    @Argument(help: "The promotion request's id.")
    var id: Int

    @OptionGroup var reason: ReasonOption
    @OptionGroup var database: APIDatabaseOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let reason = reason.text
        let decision = try await database.makeStore().withShutdown { try await $0.promotionRequests.reject(id: id, reason: reason, by: nil) }
        print(try PromotionCommand.describe(decision, id: id))
    }
}
