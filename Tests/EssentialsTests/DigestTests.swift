import Essentials
import Testing

/// The OpenSSL digests and MACs against published test vectors.
struct DigestTests {
    @Test func sha256MatchesTheKnownDigestOfABC() {
        #expect(Digest.sha256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha1MatchesTheKnownDigestOfABC() {
        #expect(Digest.sha1.hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func hmacSHA256MatchesRFC4231Case2() {
        let mac = HMAC.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA1MatchesRFC2202Case2() {
        let mac = HMAC.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8), digest: .sha1)
        #expect(Hex.encode(mac) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test func constantTimeEqualityComparesContentAndLength() {
        #expect(HMAC.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2]))
    }

    @Test func hexRoundTripsAndRejectsBadDigits() {
        let bytes: [UInt8] = [0, 1, 0x7f, 0x80, 0xff]
        #expect(Hex.encode(bytes) == "00017f80ff")
        #expect(Hex.decode(Array("00017F80ff".utf8)) == bytes)
        #expect(Hex.decode(Array("0g".utf8)) == nil)
        #expect(Hex.decode(Array("abc".utf8)) == nil)
    }

    @Test func millisecondsRoundDownAndNeverGoNegative() {
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
        #expect((Duration.microseconds(2999)).milliseconds == 2)
        #expect(Duration.seconds(-3).milliseconds == 0)
    }
}
