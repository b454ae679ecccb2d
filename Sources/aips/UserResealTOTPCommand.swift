import API
import ArgumentParser
import Logging
import Store

/// `aips user reseal-totp`: seals every stored TOTP secret under the first key of `TOTP_ENCRYPTION_KEYS`, the
/// step of a key rotation that lets the old key go (and how plaintext secrets from before encryption get sealed).
struct UserResealTOTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseal-totp",
        abstract: "Re-seal every TOTP secret under the first TOTP_ENCRYPTION_KEYS key (key rotation; seals plaintext ones).")
    @OptionGroup var database: APIDatabaseOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let keyring = try DevServers.totpKeyring() else {
            throw ValidationError("TOTP_ENCRYPTION_KEYS (or TOTP_ENCRYPTION_KEYS_FILE) must hold the new key first and the old ones after it")
        }
        try await database.makeStore().withShutdown { store in
            var resealed = 0
            let secrets = try await store.users.totpSecrets()
            for (id, stored) in secrets where !keyring.isCurrent(stored) {
                let sealed = try keyring.seal(try keyring.open(stored))
                if try await store.users.replaceTOTPSecret(id: id, expected: stored, with: sealed) { resealed += 1 }
            }
            print("re-sealed \(resealed) of \(secrets.count) TOTP secrets under key \(keyring.currentKeyID)")
        }
    }
}
