import Essentials

/// One-time two-factor recovery codes: 80 random bits each, shown once as `xxxx-xxxx-xxxx-xxxx` (base32, lowercase)
/// and stored only as the SHA-256 of their normalized text.
///
/// A plain hash is enough here, unlike for passwords: 80 random bits cannot be guessed offline, and a slow hash
/// would make each recovery login cost one slow hash per stored code.
enum RecoveryCode {
    /// How many codes a user gets at once.
    static let count = 10

    /// `count` new codes, as the user is shown them.
    static func generate() throws -> [String] {
        try (0..<count).map { _ in
            let text = Base32.encode(try SecureRandom.bytes(10)).lowercased()
            return stride(from: 0, to: text.count, by: 4).map { offset in
                let start = text.index(text.startIndex, offsetBy: offset)
                return String(text[start..<text.index(start, offsetBy: 4)])
            }.joined(separator: "-")
        }
    }

    /// The stored form of a code as a user types it: case, dashes and spaces do not matter. Nil for text that cannot
    /// be a code.
    static func hash(_ typed: String) -> String? {
        let normalized = typed.lowercased().filter { $0 != "-" && $0 != " " }
        guard normalized.count == 16, normalized.allSatisfy({ ("a"..."z").contains($0) || ("2"..."7").contains($0) }) else { return nil }
        return Digest.sha256.hex(normalized)
    }
}
