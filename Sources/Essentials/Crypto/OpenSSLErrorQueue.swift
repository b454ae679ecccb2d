import COpenSSL

/// Reads and clears OpenSSL's thread-local error queue after a failed call.
public enum OpenSSLErrorQueue {
    /// The failure as a `CryptoError`, with the newest queued reason.
    public static func failure(_ function: String) -> CryptoError {
        var reason = "no reason given"
        let code = ERR_get_error()
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        return CryptoError(function, reason: reason)
    }
}
