import Essentials
/// An opaque refresh token, `USERID.SECRET`: the user id routes it to the user's keys, the
/// 256-bit secret is what proves it; Redis stores only its SHA-256.
struct RefreshToken: Sendable, Equatable {
    var userID: String
    var secret: String

    /// The text handed to the client.
    var text: String { userID + "." + secret }

    /// The digest under which Redis knows the token.
    var digest: String { Digest.sha256.hex(text) }

    static func generate(userID: String) throws -> RefreshToken {
        RefreshToken(userID: userID, secret: Base64URL.encode(try SecureRandom.bytes(32)))
    }

    /// Parses client text; `nil` unless it is a user id of safe characters and a 43-character secret.
    init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 200, parts.count == 2, SessionStore.isSafeUserID(parts[0]),
              parts[1].utf8.count == 43, Base64URL.decode(parts[1]) != nil
        else { return nil }
        self.userID = String(parts[0])
        self.secret = String(parts[1])
    }

    private init(userID: String, secret: String) {
        self.userID = userID
        self.secret = secret
    }
}
