import HTTPTypes
/// Opens and seals stored TOTP secrets with the server's keyring; a secret this server cannot open or seal is the
/// operator's problem (500 `TOTP_KEY_MISSING`), never the user's.
struct TOTPSealing: Sendable {
    /// `TOTP_ENCRYPTION_KEYS`; nil opens only plaintext secrets from before encryption, and seals nothing.
    let keyring: TOTPSecretKeyring?

    /// The base32 secret of a stored one.
    func open(_ stored: String) throws -> String {
        do {
            guard let keyring else {
                guard !stored.hasPrefix(TOTPSecretKeyring.prefix) else { throw TOTPKeyError("TOTP_ENCRYPTION_KEYS is not set") }
                return stored
            }
            return try keyring.open(stored)
        } catch {
            throw Self.misconfigured(error)
        }
    }

    /// A new secret as it is stored: sealed under the current key. Secrets are never stored in plaintext any more.
    func seal(_ secret: String) throws -> String {
        guard let keyring else { throw Self.misconfigured(TOTPKeyError("TOTP_ENCRYPTION_KEYS is not set")) }
        do { return try keyring.seal(secret) } catch { throw Self.misconfigured(error) }
    }

    private static func misconfigured(_ error: any Error) -> APIError {
        APIError(.internalServerError, code: "TOTP_KEY_MISSING", "two-factor login is misconfigured on this server: \(error)")
    }
}
