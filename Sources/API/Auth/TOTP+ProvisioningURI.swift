import Foundation

extension TOTP {
    /// The `otpauth://` URI an authenticator app scans (Key Uri Format): the account and issuer in the label, the
    /// base32 secret, and this platform's algorithm, digits and period spelled out.
    public static func provisioningURI(secret: String, account: String, issuer: String = "AIPS") -> String {
        // ASCII only: CharacterSet.alphanumerics would let other scripts' letters through unencoded.
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(secret)&issuer=\(encode(issuer))&algorithm=SHA1&digits=6&period=30"
    }
}
