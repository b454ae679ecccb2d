import COpenSSL

/// SHA-256 over OpenSSL's EVP interface.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = input.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) == 1 }
        // EVP_Digest with SHA-256 fails only when OpenSSL cannot allocate a context.
        precondition(succeeded, "OpenSSL SHA-256 failed")
        return Array(digest.prefix(Int(length)))
    }

    /// The lowercase hex digest of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        Hex.encode(digest(Array(text.utf8)))
    }
}
