import Essentials
import Foundation
import Testing

/// The webhook signature: the MAC of "<t>.<body>" (checked against Python's hmac), and what a receiver accepts.
struct WebhookSignatureTests {
    static let body = Array(#"{"a":1}"#.utf8)
    static let signedAt = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func signsTheTimeAndBodyWithHMACSHA256() {
        // python3: hmac.new(b"whsec_test", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
        #expect(
            WebhookSignature.sign(Self.body, secret: "whsec_test", at: Self.signedAt)
                == "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789")
    }

    @Test func aReceiverAcceptsItsOwnSecretWithinTheToleranceOnly() throws {
        let header = WebhookSignature.sign(Self.body, secret: "whsec_test", at: Self.signedAt)
        #expect(WebhookSignature.verify(header, body: Self.body, secret: "whsec_test", now: Self.signedAt.addingTimeInterval(299)))
        #expect(!WebhookSignature.verify(header, body: Self.body, secret: "whsec_test", now: Self.signedAt.addingTimeInterval(301)))
        #expect(!WebhookSignature.verify(header, body: Self.body, secret: "whsec_other", now: Self.signedAt))
        #expect(!WebhookSignature.verify(header, body: Array(#"{"a":2}"#.utf8), secret: "whsec_test", now: Self.signedAt))
        // A replay with a fresh time but the old MAC fails; so do headers without a time or a MAC.
        let replayed = header.replacingOccurrences(of: "t=1700000000", with: "t=1700000100")
        #expect(!WebhookSignature.verify(replayed, body: Self.body, secret: "whsec_test", now: Self.signedAt.addingTimeInterval(100)))
        #expect(!WebhookSignature.verify("v1=00", body: Self.body, secret: "whsec_test", now: Self.signedAt))
        #expect(!WebhookSignature.verify("t=1700000000", body: Self.body, secret: "whsec_test", now: Self.signedAt))
        // A later scheme signing beside v1 does not break a v1 receiver.
        #expect(WebhookSignature.verify(header + ",v2=abc", body: Self.body, secret: "whsec_test", now: Self.signedAt))

        let (secret, another) = (try WebhookSignature.newSecret(), try WebhookSignature.newSecret())
        #expect(secret.hasPrefix("whsec_") && secret.count == 6 + 64 && secret != another)
    }
}
