import COpenSSL

/// HMAC over OpenSSL, and the constant-time comparison that checking a MAC needs.
public enum HMAC {
    /// The MAC of `message` under `key` with `digest` (32 bytes for SHA-256, 20 for SHA-1).
    public static func authenticate(_ message: some Collection<UInt8>, key: [UInt8], digest: Digest = .sha256) -> [UInt8] {
        let input = Array(message)
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBuffer in
            input.withUnsafeBytes { inputBuffer in
                COpenSSL.HMAC(
                    digest.algorithm, keyBuffer.baseAddress, Int32(keyBuffer.count),
                    inputBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), inputBuffer.count, &mac, &length)
            }
        }
        // With a built-in digest HMAC returns NULL only when OpenSSL cannot allocate a context: out of memory.
        precondition(result != nil, "OpenSSL HMAC(\(digest)) failed: \(OpenSSLErrorQueue.failure("HMAC").reason)")
        return Array(mac.prefix(Int(length)))
    }

    /// Whether `a` and `b` are equal, in time that depends on their length only.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }
}
