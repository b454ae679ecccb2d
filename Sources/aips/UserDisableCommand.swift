import API
import ArgumentParser

/// `aips user disable USER`: `POST /admin/users/{id}/disable` from the command line.
struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: no login, sessions ended. Refused for the last active admin.")

    @OptionGroup var options: UserAdministrationOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        print(try await options.run { try UserAdministrationOptions.describe(try await $0.change(id: $1, isActive: false), "disabled") })
    }
}
