import Foundation

/// Time-ordered job identifiers: 26 characters of Crockford base32, a ULID layout
/// (48 bits of milliseconds, then 80 random bits), so ids sort by creation time.
public enum JobID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new id for a job created now.
    public static func generate(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var characters = [UInt8](repeating: 0, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            characters[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        var random = generator.next() as UInt64
        var more = generator.next() as UInt64
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
