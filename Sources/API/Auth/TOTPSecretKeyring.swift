import Essentials
import Foundation

/// The keys that encrypt TOTP secrets at rest (AES-256-GCM), so a copy of the `users` table does not hand
/// out everyone's second factor.
///
/// A sealed secret reads `aes256gcm:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`; the key id is the first
/// 8 hex digits of the key's SHA-256, so a secret names the key it needs. The first key seals; every key
/// opens, which is how keys rotate: put the new key first, keep the old one, run
/// `aips user reseal-totp` (it re-seals every secret under the first key), then drop the old key.
/// A stored secret without the prefix is a plaintext one from before encryption; it still opens, and the
/// same command seals it.
public struct TOTPSecretKeyring: Sendable {
    static let prefix = "aes256gcm:"
    /// Binds a sealed box to its purpose: it cannot be replayed as any other secret the platform seals.
    private static let associatedData = Array("aips.totp-secret.v1".utf8)

    private let keys: [(id: String, bytes: [UInt8])]

    /// The keyring of `keys`, each 32 bytes; the first seals.
    public init(keys: [[UInt8]]) throws(TOTPKeyError) {
        guard !keys.isEmpty else { throw TOTPKeyError("no TOTP encryption key") }
        guard keys.allSatisfy({ $0.count == AESGCM.keySize }) else { throw TOTPKeyError("a TOTP encryption key must be 32 bytes") }
        self.keys = keys.map { (String(Digest.sha256.hex($0).prefix(8)), $0) }
    }

    /// Parses `TOTP_ENCRYPTION_KEYS`: comma-separated keys of 64 hex digits, the sealing key first.
    public init(list: String) throws(TOTPKeyError) {
        var keys: [[UInt8]] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !entry.isEmpty {
            guard let bytes = Hex.decode(entry.utf8), bytes.count == AESGCM.keySize else {
                throw TOTPKeyError("a TOTP encryption key must be 64 hex digits (openssl rand -hex 32)")
            }
            keys.append(bytes)
        }
        try self.init(keys: keys)
    }

    /// A new random key, as `TOTP_ENCRYPTION_KEYS` takes it.
    public static func makeKey() throws -> String { Hex.encode(try SecureRandom.bytes(AESGCM.keySize)) }

    /// The id of the sealing key.
    public var currentKeyID: String { keys[0].id }

    /// Seals a base32 TOTP secret under the first key.
    public func seal(_ secret: String) throws -> String {
        let box = try AESGCM.seal(Array(secret.utf8), key: keys[0].bytes, associatedData: Self.associatedData)
        return Self.prefix + keys[0].id + ":" + Base64URL.encode(box)
    }

    /// The base32 secret of a stored value: opened with the key it names, or as it is when it was never sealed.
    public func open(_ stored: String) throws(TOTPKeyError) -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        let parts = stored.dropFirst(Self.prefix.count).split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let box = Base64URL.decode(parts[1]) else { throw TOTPKeyError("a sealed TOTP secret is malformed") }
        guard let key = keys.first(where: { $0.id == parts[0] }) else {
            throw TOTPKeyError("a TOTP secret is sealed with key \(parts[0]), which TOTP_ENCRYPTION_KEYS does not hold")
        }
        do {
            return String(decoding: try AESGCM.open(box, key: key.bytes, associatedData: Self.associatedData), as: UTF8.self)
        } catch {
            throw TOTPKeyError("a sealed TOTP secret does not open under key \(parts[0]): altered or sealed elsewhere")
        }
    }

    /// Whether `stored` is sealed under the current key (nothing to re-seal).
    public func isCurrent(_ stored: String) -> Bool { stored.hasPrefix(Self.prefix + keys[0].id + ":") }

    /// The keyring configured by `TOTP_ENCRYPTION_KEYS`, else by the file `TOTP_ENCRYPTION_KEYS_FILE` names; nil
    /// when neither is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TOTPSecretKeyring? {
        if let list = environment["TOTP_ENCRYPTION_KEYS"], !list.isEmpty { return try TOTPSecretKeyring(list: list) }
        if let path = environment["TOTP_ENCRYPTION_KEYS_FILE"], !path.isEmpty {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw TOTPKeyError("TOTP_ENCRYPTION_KEYS_FILE \(path) cannot be read: \(error.localizedDescription)")
            }
            return try TOTPSecretKeyring(list: text.split(whereSeparator: \.isNewline).joined(separator: ","))
        }
        return nil
    }
}

/// A TOTP encryption key or sealed secret that cannot be used, and why.
public struct TOTPKeyError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
