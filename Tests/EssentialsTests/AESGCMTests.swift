import Essentials
import Testing

@Suite struct AESGCMTests {
    let key = [UInt8](repeating: 7, count: 32)

    @Test func sealThenOpenRoundTrips() throws {
        for plaintext in [[], Array("x".utf8), [UInt8](repeating: 42, count: 1000)] {
            let box = try AESGCM.seal(plaintext, key: key, associatedData: Array("ad".utf8))
            #expect(box.count == plaintext.count + 28)  // nonce + ciphertext + tag
            #expect(try AESGCM.open(box, key: key, associatedData: Array("ad".utf8)) == plaintext)
        }
    }

    @Test func anyChangeIsRefused() throws {
        let box = try AESGCM.seal(Array("secret".utf8), key: key)
        for index in box.indices {
            var altered = box
            altered[index] ^= 1
            #expect(throws: CryptoError.self) { try AESGCM.open(altered, key: key) }
        }
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: [UInt8](repeating: 8, count: 32)) }
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: key, associatedData: [1]) }
        #expect(throws: CryptoError.self) { try AESGCM.open(Array(box.prefix(20)), key: key) }
    }
}
