import Foundation

/// The keys that encrypt the platform's secrets at rest (AES-256-GCM): users' TOTP secrets, so a copy of the `users`
/// table does not hand out everyone's second factor, and their webhooks' signing secrets, so a copy of
/// `alert_webhooks` cannot sign alerts their endpoints would believe. `TOTP_ENCRYPTION_KEYS` holds them (named when
/// TOTP secrets were all it sealed).
///
/// A sealed secret reads `aes256gcm:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`; the key id is the first
/// 8 hex digits of the key's SHA-256, so a secret names the key it needs. The first key seals; every key
/// opens, which is how keys rotate: put the new key first, keep the old one, run
/// `aips user reseal-totp` (it re-seals every TOTP and webhook secret under the first key), then drop the old key.
/// A stored secret without the prefix is a plaintext one from before encryption; it still opens, and the
/// same command seals it.
public struct SecretKeyring: Sendable {
    /// What a secret is for. Each seals with its own associated data, so a sealed box cannot be replayed as a secret
    /// of another kind (a webhook's copied over a user's TOTP secret does not open).
    public enum Purpose: String, Sendable {
        case totp = "aips.totp-secret.v1"
        case webhook = "aips.webhook-secret.v1"

        var associatedData: [UInt8] { Array(rawValue.utf8) }
    }

    /// What every sealed secret starts with.
    public static let prefix = "aes256gcm:"

    private let keys: [(id: String, bytes: [UInt8])]

    /// The keyring of `keys`, each 32 bytes; the first seals.
    public init(keys: [[UInt8]]) throws(SecretKeyError) {
        guard !keys.isEmpty else { throw SecretKeyError("no TOTP encryption key") }
        guard keys.allSatisfy({ $0.count == AESGCM.keySize }) else { throw SecretKeyError("a TOTP encryption key must be 32 bytes") }
        self.keys = keys.map { (String(Digest.sha256.hex($0).prefix(8)), $0) }
    }

    /// Parses `TOTP_ENCRYPTION_KEYS`: comma-separated keys of 64 hex digits, the sealing key first.
    public init(list: String) throws(SecretKeyError) {
        var keys: [[UInt8]] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !entry.isEmpty {
            guard let bytes = Hex.decode(entry.utf8), bytes.count == AESGCM.keySize else {
                throw SecretKeyError("a TOTP encryption key must be 64 hex digits (openssl rand -hex 32)")
            }
            keys.append(bytes)
        }
        try self.init(keys: keys)
    }

    /// A new random key, as `TOTP_ENCRYPTION_KEYS` takes it.
    public static func makeKey() throws -> String { Hex.encode(try SecureRandom.bytes(AESGCM.keySize)) }

    /// The id of the sealing key.
    public var currentKeyID: String { keys[0].id }

    /// Seals `secret` for `purpose` under the first key.
    public func seal(_ secret: String, for purpose: Purpose) throws -> String {
        let box = try AESGCM.seal(Array(secret.utf8), key: keys[0].bytes, associatedData: purpose.associatedData)
        return Self.prefix + keys[0].id + ":" + Base64URL.encode(box)
    }

    /// The secret of a stored value sealed for `purpose`: opened with the key it names, or as it is when it was never
    /// sealed.
    public func open(_ stored: String, for purpose: Purpose) throws(SecretKeyError) -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        let parts = stored.dropFirst(Self.prefix.count).split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let box = Base64URL.decode(parts[1]) else { throw SecretKeyError("a sealed secret is malformed") }
        guard let key = keys.first(where: { $0.id == parts[0] }) else {
            throw SecretKeyError("a secret is sealed with key \(parts[0]), which TOTP_ENCRYPTION_KEYS does not hold")
        }
        do {
            return String(decoding: try AESGCM.open(box, key: key.bytes, associatedData: purpose.associatedData), as: UTF8.self)
        } catch {
            throw SecretKeyError("a sealed secret does not open under key \(parts[0]): altered, sealed elsewhere or for another use")
        }
    }

    /// The secret of a stored value sealed for `purpose`, by `keyring` when there is one; without one only a plaintext
    /// value from before sealing can be read, as it is, and a sealed one is an error.
    public static func open(_ stored: String, for purpose: Purpose, keyring: SecretKeyring?) throws(SecretKeyError) -> String {
        if let keyring { return try keyring.open(stored, for: purpose) }
        guard !stored.hasPrefix(prefix) else { throw SecretKeyError("a sealed secret needs TOTP_ENCRYPTION_KEYS, which is not set") }
        return stored
    }

    /// Whether `stored` is sealed under the current key (nothing to re-seal).
    public func isCurrent(_ stored: String) -> Bool { stored.hasPrefix(Self.prefix + keys[0].id + ":") }

    /// The keyring configured by `TOTP_ENCRYPTION_KEYS`, else by the file `TOTP_ENCRYPTION_KEYS_FILE` names; nil
    /// when neither is set.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SecretKeyring? {
        if let list = environment["TOTP_ENCRYPTION_KEYS"], !list.isEmpty { return try SecretKeyring(list: list) }
        if let path = environment["TOTP_ENCRYPTION_KEYS_FILE"], !path.isEmpty {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw SecretKeyError("TOTP_ENCRYPTION_KEYS_FILE \(path) cannot be read: \(error.localizedDescription)")
            }
            return try SecretKeyring(list: text.split(whereSeparator: \.isNewline).joined(separator: ","))
        }
        return nil
    }
}

/// An encryption key or sealed secret that cannot be used, and why.
public struct SecretKeyError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
