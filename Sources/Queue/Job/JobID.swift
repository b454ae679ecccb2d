import Essentials
import Foundation

/// Time-ordered job identifiers: 26 characters of Crockford base32, a ULID layout
/// (48 bits of milliseconds, then 80 random bits), so ids sort by creation time.
public enum JobID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new id for a job created now.
    public static func generate(at date: Date = Date()) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var characters = [UInt8](repeating: 0, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            characters[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // One read of OpenSSL's generator: the system's costs a system call per 64 bits, and ids are made
        // a thousand at a time.
        var random: UInt64
        var more: UInt64
        if let bytes = try? SecureRandom.bytes(11) {
            random = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
            more = bytes[8..<11].reduce(0) { $0 << 8 | UInt64($1) }
        } else {
            var generator = SystemRandomNumberGenerator()
            random = generator.next()
            more = generator.next()
        }
        for index in 10..<26 {
            let source = index < 22 ? random : more
            characters[index] = alphabet[Int(source & 31)]
            if index < 22 { random >>= 5 } else { more >>= 5 }
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Whether `text` has the shape of a job id (used to refuse garbage before touching Redis).
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 26 && text.utf8.allSatisfy { alphabet.contains($0) }
    }
}
