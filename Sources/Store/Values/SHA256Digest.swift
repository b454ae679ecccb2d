import COpenSSL

/// SHA-256 over OpenSSL, for migration checksums and raw payload hashes.
public enum SHA256Digest {
    /// The lowercase hex SHA-256 of `bytes`.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = input.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil) == 1
        }
        // EVP_Digest with SHA-256 fails only when OpenSSL cannot allocate a context.
        precondition(succeeded, "OpenSSL SHA-256 failed")
        return PostgresHex.encode(digest.prefix(Int(length)))
    }
}
