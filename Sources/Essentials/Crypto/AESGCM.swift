import COpenSSL

/// AES-256-GCM over OpenSSL's EVP interface: authenticated encryption for small secrets at rest.
///
/// A sealed box is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes). Every seal draws a fresh random nonce;
/// with 96-bit random nonces one key stays safe for far more secrets than this platform will ever seal.
public enum AESGCM {
    public static let keySize = 32
    static let nonceSize = 12
    static let tagSize = 16

    /// Encrypts `plaintext` under `key` (32 bytes), binding `associatedData` (authenticated, not encrypted).
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        precondition(key.count == keySize, "AES-256-GCM takes a 32-byte key")
        let nonce = try SecureRandom.bytes(nonceSize)
        let context = try CipherContext()
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: tagSize)
        var length: Int32 = 0
        var total = 0
        try context.check(EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, key, nonce), "EVP_EncryptInit_ex")
        if !associatedData.isEmpty {
            try context.check(EVP_EncryptUpdate(context.pointer, nil, &length, associatedData, Int32(associatedData.count)), "EVP_EncryptUpdate")
        }
        if !plaintext.isEmpty {
            try context.check(EVP_EncryptUpdate(context.pointer, &ciphertext, &length, plaintext, Int32(plaintext.count)), "EVP_EncryptUpdate")
            total = Int(length)
        }
        try ciphertext.withUnsafeMutableBufferPointer { buffer in
            try context.check(EVP_EncryptFinal_ex(context.pointer, buffer.baseAddress! + total, &length), "EVP_EncryptFinal_ex")
        }
        total += Int(length)
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagSize), &tag), "EVP_CIPHER_CTX_ctrl")
        return nonce + ciphertext.prefix(total) + tag
    }

    /// Decrypts a sealed box; throws when it was not sealed under `key` with `associatedData`, or was altered.
    public static func open(_ box: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        precondition(key.count == keySize, "AES-256-GCM takes a 32-byte key")
        guard box.count >= nonceSize + tagSize else { throw CryptoError("AES-GCM open", reason: "sealed box too short") }
        let nonce = Array(box.prefix(nonceSize))
        let ciphertext = Array(box.dropFirst(nonceSize).dropLast(tagSize))
        var tag = Array(box.suffix(tagSize))
        let context = try CipherContext()
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var length: Int32 = 0
        var total = 0
        try context.check(EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, key, nonce), "EVP_DecryptInit_ex")
        if !associatedData.isEmpty {
            try context.check(EVP_DecryptUpdate(context.pointer, nil, &length, associatedData, Int32(associatedData.count)), "EVP_DecryptUpdate")
        }
        if !ciphertext.isEmpty {
            try context.check(EVP_DecryptUpdate(context.pointer, &plaintext, &length, ciphertext, Int32(ciphertext.count)), "EVP_DecryptUpdate")
            total = Int(length)
        }
        try context.check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagSize), &tag), "EVP_CIPHER_CTX_ctrl")
        // The tag is checked here: a wrong key, altered bytes or other associated data all end in this failure.
        let verified = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(context.pointer, buffer.baseAddress! + total, &length)
        }
        guard verified == 1 else {
            _ = OpenSSLErrorQueue.failure("EVP_DecryptFinal_ex")  // clears the queue for the next call
            throw CryptoError("AES-GCM open", reason: "authentication failed: wrong key or altered data")
        }
        total += Int(length)
        return Array(plaintext.prefix(total))
    }
}

/// Owns one `EVP_CIPHER_CTX`, freed when the value goes away.
private final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLErrorQueue.failure("EVP_CIPHER_CTX_new") }
        pointer = context
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }

    func check(_ result: Int32, _ function: String) throws {
        guard result == 1 else { throw OpenSSLErrorQueue.failure(function) }
    }
}
