import API
import ArgumentParser

/// `aips user reset-2fa USER`: `POST /admin/users/{id}/2fa/reset` from the command line.
struct UserResetTwoFactorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-2fa",
        abstract: "Turn two-factor login off (secret, pending enrolment, recovery codes) and end the user's sessions.")

    @OptionGroup var options: UserAdministrationOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        print(try await options.run { administration, id in
            let user = try UserAdministrationOptions.existing(try await administration.resetTwoFactor(id: id))
            return "reset two-factor login of \(UserAdministrationOptions.describe(user)); their sessions are ended"
        })
    }
}
