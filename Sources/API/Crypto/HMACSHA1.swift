import COpenSSL

/// HMAC-SHA1 over OpenSSL, used only by TOTP (RFC 6238's default, as authenticator apps expect).
enum HMACSHA1 {
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = HMAC(EVP_sha1(), key, Int32(key.count), message, message.count, &mac, &length)
        // HMAC returns NULL only when OpenSSL cannot allocate a context.
        precondition(result != nil, "OpenSSL HMAC-SHA1 failed")
        return Array(mac.prefix(Int(length)))
    }
}
