import API
import ArgumentParser

/// `aips user set-password USER`: `POST /admin/users/{id}/password` from the command line; the password is read from
/// standard input (first line), as `aips user create` reads it.
struct UserSetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-password",
        abstract: "Give a user a new password (read from standard input, first line) and end their sessions.")

    @OptionGroup var options: UserAdministrationOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        guard PasswordRule.admits(password) else { throw ValidationError("the password \(PasswordRule.requirement)") }
        print(try await options.run { administration, id in
            let user = try UserAdministrationOptions.existing(try await administration.setPassword(id: id, to: password))
            return "set a new password for \(UserAdministrationOptions.describe(user)); their sessions are ended"
        })
    }
}
