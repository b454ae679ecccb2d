import Essentials
import HTTPTypes

/// Opens and seals stored secrets of one kind with the server's keyring; a secret this server cannot open or seal is the
/// operator's problem (a 500), never the user's.
struct SecretSealing: Sendable {
    /// `TOTP_ENCRYPTION_KEYS`; nil opens only plaintext secrets from before encryption, and seals nothing.
    let keyring: SecretKeyring?
    let purpose: SecretKeyring.Purpose

    /// The secret of a stored one.
    func open(_ stored: String) throws -> String {
        do { return try SecretKeyring.open(stored, for: purpose, keyring: keyring) } catch { throw misconfigured(error) }
    }

    /// A new secret as it is stored: sealed under the current key. Secrets are never stored in plaintext any more.
    func seal(_ secret: String) throws -> String {
        guard let keyring else { throw misconfigured(SecretKeyError("TOTP_ENCRYPTION_KEYS is not set")) }
        do { return try keyring.seal(secret, for: purpose) } catch { throw misconfigured(error) }
    }

    private func misconfigured(_ error: any Error) -> APIError {
        switch purpose {
        case .totp:
            APIError(.internalServerError, code: "TOTP_KEY_MISSING", "two-factor login is misconfigured on this server: \(error)")
        case .webhook:
            APIError(.internalServerError, code: "SECRET_KEY_MISSING", "alert webhooks are misconfigured on this server: \(error)")
        }
    }
}
