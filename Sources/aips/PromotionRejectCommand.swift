import Foundation
import ArgumentParser
import Store

/// `aips promotion reject ID --reason TEXT`: `POST /admin/promotions/{id}/reject` from the command line.
struct PromotionRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a pending request with a reason: its model goes back to challenger, the champion stays.")

    @Argument(help: "The promotion request's id.")
    var id: Int

    @Option(help: "Why, logged as the model's event.")
    var reason: String

    @OptionGroup var database: APIDatabaseOptions

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, reason.count <= 1_000 else {
            throw ValidationError("--reason must be 1 to 1000 characters")
        }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = try await database.makeStore().withShutdown { try await $0.promotionRequests.reject(id: id, reason: reason, by: nil) }
        print(try PromotionCommand.describe(decision, id: id))
    }
}
