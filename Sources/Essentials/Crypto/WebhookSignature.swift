public import Foundation

/// How the platform signs what it POSTs to a user's webhook, and how a receiver checks it.
///
/// The `AIPS-Signature` header reads `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under the webhook's
/// secret, the scheme Stripe's webhooks use: the time inside the MAC lets a receiver refuse a delivery replayed later,
/// and a new scheme can sign beside `v1` without breaking receivers of the old one.
public enum WebhookSignature {
    /// The header that carries the signature.
    public static let header = "AIPS-Signature"
    /// How far a signature's time may be from the receiver's clock, either way, by default.
    public static let defaultTolerance: TimeInterval = 300

    /// A new signing secret: `whsec_` and 32 random bytes in hex.
    public static func newSecret() throws -> String {
        "whsec_" + Hex.encode(try SecureRandom.bytes(32))
    }

    /// The header value signing `body` under `secret` at `time`.
    public static func sign(_ body: some Collection<UInt8>, secret: String, at time: Date) -> String {
        let timestamp = Int(time.timeIntervalSince1970)
        return "t=\(timestamp),v1=" + Hex.encode(mac(body, secret: secret, timestamp: timestamp))
    }

    /// Whether `header` signs `body` under `secret` with a time within `tolerance` of `now`: some `v1` MAC must match.
    public static func verify(
        _ header: String, body: some Collection<UInt8>, secret: String, now: Date, tolerance: TimeInterval = defaultTolerance
    ) -> Bool {
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) }
            if pair[0] == "v1", let bytes = Hex.decode(pair[1].utf8) { signatures.append(bytes) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = mac(body, secret: secret, timestamp: timestamp)
        return signatures.contains { HMAC.constantTimeEquals($0, expected) }
    }

    private static func mac(_ body: some Collection<UInt8>, secret: String, timestamp: Int) -> [UInt8] {
        HMAC.authenticate(Array("\(timestamp).".utf8) + Array(body), key: Array(secret.utf8))
    }
}
