import ArgumentParser
import Store

/// `aips model rollback ID --reason TEXT`: `POST /admin/models/{id}/rollback` from the command line.
struct ModelRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Retire a champion and make the previous champion of its market (one never rolled back) champion again.")

    @Argument(help: "The champion's model id.")
    var id: Int

    @OptionGroup var reason: ReasonOption
    @OptionGroup var database: APIDatabaseOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let reason = reason.text + " (rolled back from the command line)"
        switch try await database.makeStore().withShutdown({ try await $0.models.rollBack(id: id, reason: reason) }) {
        case .notFound: throw ValidationError("no model #\(id)")
        case .notChampion(let status): throw ValidationError("model #\(id) is \(status.rawValue), not a champion: nothing to roll back")
        case .rolledBack(let reinstated?): print("model #\(id) rolled back; model #\(reinstated) is champion again")
        case .rolledBack(nil): print("model #\(id) rolled back; its market had no earlier champion, so it has none now")
        }
    }
}
