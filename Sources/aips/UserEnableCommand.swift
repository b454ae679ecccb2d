import API
import ArgumentParser

/// `aips user enable USER`: `POST /admin/users/{id}/enable` from the command line.
struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account.")

    @OptionGroup var options: UserAdministrationOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        print(try await options.run { try UserAdministrationOptions.describe(try await $0.change(id: $1, isActive: true), "enabled") })
    }
}
