import ArgumentParser

/// `aips user …`: manage API users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage API users.", subcommands: [
            UserCreateCommand.self, UserRoleCommand.self, UserDisableCommand.self, UserEnableCommand.self, UserUnlockCommand.self,
            UserResetTwoFactorCommand.self, UserSetPasswordCommand.self, UserResealTOTPCommand.self,
        ])
}
