import API
import ArgumentParser

/// `aips user unlock USER`: `POST /admin/users/{id}/unlock` from the command line.
struct UserUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Clear the account's failed logins, lifting a lockout at once.")

    @OptionGroup var options: UserAdministrationOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        print(try await options.run { administration, id in
            let user = try UserAdministrationOptions.existing(try await administration.unlock(id: id))
            return "unlocked \(UserAdministrationOptions.describe(user))"
        })
    }
}
