import COpenSSL

/// The hash functions the platform uses, computed by OpenSSL's EVP interface.
public enum Digest: Sendable {
    /// SHA-1: only where a protocol fixes it (Redis names scripts by it; authenticator apps use it for TOTP).
    case sha1
    /// SHA-256: checksums, payload fingerprints, prediction hashes, JWT and cookie MACs.
    case sha256

    var algorithm: OpaquePointer? {
        switch self {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        }
    }

    /// The digest of `bytes`.
    public func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = input.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, algorithm, nil) == 1 }
        // With a built-in algorithm EVP_Digest fails only when OpenSSL cannot allocate a context: out of memory.
        precondition(succeeded, "OpenSSL EVP_Digest(\(self)) failed: \(OpenSSLErrorQueue.failure("EVP_Digest").reason)")
        return Array(digest.prefix(Int(length)))
    }

    /// The lowercase hex digest of `bytes`.
    public func hex(_ bytes: some Collection<UInt8>) -> String {
        Hex.encode(hash(bytes))
    }

    /// The lowercase hex digest of the UTF-8 bytes of `text`.
    public func hex(_ text: String) -> String {
        hex(Array(text.utf8))
    }
}
