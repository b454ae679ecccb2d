import Essentials
import Testing

@Suite struct SecretKeyringTests {
    let old = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    let new = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

    @Test func aSealedSecretOpensAndReadsAsNothingLikeItself() throws {
        let keyring = try SecretKeyring(list: old)
        let sealed = try keyring.seal("JBSWY3DPEHPK3PXP", for: .totp)
        #expect(sealed.hasPrefix("aes256gcm:\(keyring.currentKeyID):") && !sealed.contains("JBSWY3DPEHPK3PXP"))
        #expect(try keyring.open(sealed, for: .totp) == "JBSWY3DPEHPK3PXP")
        #expect(try keyring.seal("JBSWY3DPEHPK3PXP", for: .totp) != sealed)  // a fresh nonce every time
    }

    @Test func rotationOpensOldSecretsAndSealsWithTheNewKey() throws {
        let sealedBefore = try SecretKeyring(list: old).seal("JBSWY3DPEHPK3PXP", for: .totp)
        let rotated = try SecretKeyring(list: "\(new),\(old)")
        #expect(try rotated.open(sealedBefore, for: .totp) == "JBSWY3DPEHPK3PXP")
        #expect(!rotated.isCurrent(sealedBefore))
        #expect(rotated.isCurrent(try rotated.seal("JBSWY3DPEHPK3PXP", for: .totp)))
        // Once the old key is dropped, its secrets name a key the ring does not hold.
        #expect(throws: SecretKeyError.self) { try SecretKeyring(list: new).open(sealedBefore, for: .totp) }
    }

    @Test func alteredSecretsAndBadKeysAreRefused() throws {
        let keyring = try SecretKeyring(list: old)
        var sealed = Array(try keyring.seal("JBSWY3DPEHPK3PXP", for: .totp))
        sealed[sealed.count - 3] = sealed[sealed.count - 3] == "A" ? "B" : "A"
        #expect(throws: SecretKeyError.self) { try keyring.open(String(sealed), for: .totp) }
        #expect(throws: SecretKeyError.self) { try SecretKeyring(list: "abc") }
        #expect(throws: SecretKeyError.self) { try SecretKeyring(list: "") }
        #expect(try SecretKeyring.makeKey().count == 64)
    }

    @Test func aPlaintextSecretFromBeforeEncryptionStillOpens() throws {
        #expect(try SecretKeyring(list: old).open("JBSWY3DPEHPK3PXP", for: .totp) == "JBSWY3DPEHPK3PXP")
    }

    /// A secret sealed for one use does not open for another: a webhook's secret copied over a TOTP secret is refused.
    @Test func aSecretOpensOnlyForTheUseItWasSealedFor() throws {
        let keyring = try SecretKeyring(list: old)
        let webhook = try keyring.seal("whsec_0123", for: .webhook)
        #expect(try keyring.open(webhook, for: .webhook) == "whsec_0123")
        #expect(throws: SecretKeyError.self) { try keyring.open(webhook, for: .totp) }
    }
}
