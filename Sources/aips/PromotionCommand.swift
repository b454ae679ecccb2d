import ArgumentParser
import Store

/// `aips promotion …`: the promotion queue of `/api/v1/admin/promotions` from the command line.
struct PromotionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promotion", abstract: "Review promotion requests: models that passed every threshold, waiting in shadow.",
        subcommands: [PromotionListCommand.self, PromotionApproveCommand.self, PromotionRejectCommand.self])

    /// One line about a decision, or the error that says why nothing was decided (the API's 404 and 409s).
    static func describe(_ decision: PromotionRequestRepository.Decision, id: Int) throws -> String {
        switch decision {
        case .decided(let request):
            return "promotion request #\(id) \(request.status.rawValue): model #\(request.modelID)"
                + (request.status == .approved ? " is champion" : " is back to challenger")
        case .notFound: throw ValidationError("no promotion request #\(id)")
        case .notPending(let request): throw ValidationError("promotion request #\(id) is already \(request.status.rawValue)")
        case .shadowIncomplete(_, let period):
            throw ValidationError(
                "promotion request #\(id) has \(period.settledGames) of the \(period.requiredGames) settled shadow games required; "
                    + "approve with --force to promote it anyway")
        }
    }
}
