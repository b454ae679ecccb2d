import API
import ArgumentParser
import Essentials
import Foundation
import Logging
import Postgres
import Store

/// `aips user create --email E [--admin] [--totp]`: creates a user; the password is read from standard input.
struct UserCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a user; the password is read from standard input (first line).")

    @OptionGroup var database: APIDatabaseOptions

    @Option(help: "The user's email address.")
    var email: String

    @Flag(help: "Give the user the admin role.")
    var admin = false

    @Flag(help: "Enable TOTP two-factor login; prints the secret to add to an authenticator app.")
    var totp = false

    func validate() throws {
        guard (3...254).contains(email.utf8.count), email.contains("@") else { throw ValidationError("--email must be an email address") }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        guard PasswordRule.admits(password) else { throw ValidationError("the password \(PasswordRule.requirement)") }
        try await database.makeStore().withShutdown { store in
            do {
                try await store.migrate(logger: Logger(label: "aips.user"))
                let secret = totp ? try TOTP.makeSecret() : nil
                // The secret is stored sealed: a copy of the users table must not hand out second factors.
                let sealed = try secret.map { secret in
                    guard let keyring = try DevServers.totpKeyring() else {
                        throw ValidationError("--totp needs TOTP_ENCRYPTION_KEYS (openssl rand -hex 32) or TOTP_ENCRYPTION_KEYS_FILE")
                    }
                    return try keyring.seal(secret, for: .totp)
                }
                let user = try await store.users.create(User(
                    email: email, passwordHash: try await PasswordHasher().hash(password), role: admin ? .admin : .user, totpSecret: sealed))
                print("created user \(user.id?.uuidString.lowercased() ?? "?") <\(user.email)> role \(user.role.rawValue)")
                if let secret {
                    print("TOTP secret: \(secret)")
                    print(TOTP.provisioningURI(secret: secret, account: user.email))
                }
            } catch let error as StoreError where error.isUniqueViolation {
                throw ValidationError("a user with email \(email.lowercased()) already exists")
            }
        }
    }
}
