import COpenSSL

/// An OpenSSL client context (`SSL_CTX`): protocol floor, trust store, client certificate.
final class TLSContext: @unchecked Sendable {
    // Why @unchecked Sendable is safe: the SSL_CTX is fully configured in init and only
    // read afterwards (SSL_new), which OpenSSL documents as thread-safe.
    let pointer: OpaquePointer
    let options: RedisConfiguration.TLS

    init(options: RedisConfiguration.TLS) throws(RedisError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("SSL_CTX_new") }
        pointer = context
        self.options = options
        _ = aips_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        if let caFile = options.caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else { throw Self.failure("loading CA file \(caFile)") }
        } else {
            guard SSL_CTX_set_default_verify_paths(context) == 1 else { throw Self.failure("loading the system trust store") }
        }
        if let certificate = options.certificateFile {
            guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1 else { throw Self.failure("loading certificate \(certificate)") }
            guard SSL_CTX_use_PrivateKey_file(context, options.keyFile ?? certificate, SSL_FILETYPE_PEM) == 1 else {
                throw Self.failure("loading private key \(options.keyFile ?? certificate)")
            }
        }
        SSL_CTX_set_verify(context, options.verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
    }

    deinit { SSL_CTX_free(pointer) }

    /// The oldest queued OpenSSL error as text, clearing the queue.
    static func lastError() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "unknown error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func failure(_ what: String) -> RedisError {
        RedisError(.connectionFailed, message: "TLS: \(what) failed: \(lastError())")
    }
}
