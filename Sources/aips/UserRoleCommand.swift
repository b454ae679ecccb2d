import API
import ArgumentParser
import Store

/// `aips user role USER user|admin`: `POST /admin/users/{id}/role` from the command line.
struct UserRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Change a user's role; a change ends their sessions. Refused if no active admin would be left.")

    @OptionGroup var options: UserAdministrationOptions

    @Argument(help: ArgumentHelp("The new role: user or admin.", valueName: "role"))
    var role: UserRole

    func run() async throws {
        LoggingSetup.bootstrap()
        print(try await options.run { try UserAdministrationOptions.describe(try await $0.change(id: $1, role: role), "changed") })
    }
}
