import API
import ArgumentParser
import Essentials
import Foundation
import Logging
import Store

/// `aips user reseal-totp`: seals every stored TOTP secret and alert webhook secret under the first key of
/// `TOTP_ENCRYPTION_KEYS`, the step of a key rotation that lets the old key go (and how plaintext secrets from before
/// encryption get sealed).
struct UserResealTOTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseal-totp",
        abstract: "Re-seal every TOTP and webhook secret under the first TOTP_ENCRYPTION_KEYS key (key rotation; seals plaintext ones).")
    @OptionGroup var database: APIDatabaseOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let keyring = try DevServers.totpKeyring() else {
            throw ValidationError("TOTP_ENCRYPTION_KEYS (or TOTP_ENCRYPTION_KEYS_FILE) must hold the new key first and the old ones after it")
        }
        try await database.makeStore().withShutdown { store in
            let totp = try await Self.reseal(try await store.users.totpSecrets(), for: .totp, with: keyring) {
                try await store.users.replaceTOTPSecret(id: $0, expected: $1, with: $2)
            }
            print("re-sealed \(totp.resealed) of \(totp.stored) TOTP secrets under key \(keyring.currentKeyID)")
            let webhooks = try await Self.reseal(try await store.alerts.webhookSecrets(), for: .webhook, with: keyring) {
                try await store.alerts.replaceWebhookSecret(userID: $0, expected: $1, with: $2)
            }
            print("re-sealed \(webhooks.resealed) of \(webhooks.stored) webhook secrets under key \(keyring.currentKeyID)")
        }
    }

    /// Seals each of `secrets` not under the current key anew, through `replace(owner, stored, sealed)`, which keeps a
    /// secret changed meanwhile; how many there were and how many it replaced.
    private static func reseal(
        _ secrets: [UUID: String], for purpose: SecretKeyring.Purpose, with keyring: SecretKeyring,
        replace: (UUID, String, String) async throws -> Bool
    ) async throws -> (stored: Int, resealed: Int) {
        var resealed = 0
        for (owner, stored) in secrets where !keyring.isCurrent(stored) {
            if try await replace(owner, stored, try keyring.seal(try keyring.open(stored, for: purpose), for: purpose)) { resealed += 1 }
        }
        return (secrets.count, resealed)
    }
}
