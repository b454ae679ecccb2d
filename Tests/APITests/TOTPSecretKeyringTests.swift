import API
import Testing

@Suite struct TOTPSecretKeyringTests {
    let old = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    let new = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

    @Test func aSealedSecretOpensAndReadsAsNothingLikeItself() throws {
        let keyring = try TOTPSecretKeyring(list: old)
        let sealed = try keyring.seal("JBSWY3DPEHPK3PXP")
        #expect(sealed.hasPrefix("aes256gcm:\(keyring.currentKeyID):") && !sealed.contains("JBSWY3DPEHPK3PXP"))
        #expect(try keyring.open(sealed) == "JBSWY3DPEHPK3PXP")
        #expect(try keyring.seal("JBSWY3DPEHPK3PXP") != sealed)  // a fresh nonce every time
    }

    @Test func rotationOpensOldSecretsAndSealsWithTheNewKey() throws {
        let sealedBefore = try TOTPSecretKeyring(list: old).seal("JBSWY3DPEHPK3PXP")
        let rotated = try TOTPSecretKeyring(list: "\(new),\(old)")
        #expect(try rotated.open(sealedBefore) == "JBSWY3DPEHPK3PXP")
        #expect(!rotated.isCurrent(sealedBefore))
        #expect(rotated.isCurrent(try rotated.seal("JBSWY3DPEHPK3PXP")))
        // Once the old key is dropped, its secrets name a key the ring does not hold.
        #expect(throws: TOTPKeyError.self) { try TOTPSecretKeyring(list: new).open(sealedBefore) }
    }

    @Test func alteredSecretsAndBadKeysAreRefused() throws {
        let keyring = try TOTPSecretKeyring(list: old)
        var sealed = Array(try keyring.seal("JBSWY3DPEHPK3PXP"))
        sealed[sealed.count - 3] = sealed[sealed.count - 3] == "A" ? "B" : "A"
        #expect(throws: TOTPKeyError.self) { try keyring.open(String(sealed)) }
        #expect(throws: TOTPKeyError.self) { try TOTPSecretKeyring(list: "abc") }
        #expect(throws: TOTPKeyError.self) { try TOTPSecretKeyring(list: "") }
        #expect(try TOTPSecretKeyring.makeKey().count == 64)
    }

    @Test func aPlaintextSecretFromBeforeEncryptionStillOpens() throws {
        #expect(try TOTPSecretKeyring(list: old).open("JBSWY3DPEHPK3PXP") == "JBSWY3DPEHPK3PXP")
    }
}
