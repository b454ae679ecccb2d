import COpenSSL
import Dispatch
import Essentials
import Foundation
import Synchronization

/// Password hashing with scrypt (RFC 7914) from OpenSSL, stored as `scrypt$N$r$p$salt$hash`.
///
/// Hashing is deliberately slow and memory-hard, so it runs on serial queues of its own, one
/// per core (a burst of logins waits its turn instead of allocating 32 MiB per request at
/// once), never on the cooperative pool; verification of an unknown user still spends the
/// same work (`verifyDummy`) so response times do not reveal which emails exist.
public struct PasswordHasher: Sendable {
    /// scrypt's CPU/memory cost, a power of two.
    public var cost: UInt64
    /// scrypt's block size.
    public var blockSize: UInt64
    /// scrypt's parallelism.
    public var parallelism: UInt64

    /// Defaults from RFC 7914's interactive-login guidance: N = 2¹⁵, r = 8, p = 1 (32 MiB, tens of milliseconds).
    public init(cost: UInt64 = 1 << 15, blockSize: UInt64 = 8, parallelism: UInt64 = 1) {
        self.cost = cost
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    private static let queues = (0..<max(1, ProcessInfo.processInfo.activeProcessorCount)).map {
        DispatchQueue(label: "aips.password-hasher.\($0)")
    }
    private static let nextQueue = Atomic<Int>(0)
    private static let dummy = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    /// A new salted hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let salt = try SecureRandom.bytes(16)
        let derived = try await Self.derive(password, salt: salt, cost: cost, blockSize: blockSize, parallelism: parallelism)
        return "scrypt$\(cost)$\(blockSize)$\(parallelism)$\(Base64URL.encode(salt))$\(Base64URL.encode(derived))"
    }

    /// Whether `password` matches `stored`; a malformed stored hash never matches.
    public func verify(_ password: String, against stored: String) async throws -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let cost = UInt64(parts[1]), let blockSize = UInt64(parts[2]), let parallelism = UInt64(parts[3]),
              cost > 1, cost & (cost - 1) == 0, cost <= 1 << 20, (1...32).contains(blockSize), (1...16).contains(parallelism),
              let salt = Base64URL.decode(parts[4]), let expected = Base64URL.decode(parts[5]), expected.count == 32
        else { return false }
        let derived = try await Self.derive(password, salt: salt, cost: cost, blockSize: blockSize, parallelism: parallelism)
        return HMAC.constantTimeEquals(derived, expected)
    }

    /// Spends the work of one verification, for logins of unknown accounts.
    public func verifyDummy(_ password: String) async throws {
        _ = try await verify(password, against: Self.dummy)
    }

    private static func derive(
        _ password: String, salt: [UInt8], cost: UInt64, blockSize: UInt64, parallelism: UInt64
    ) async throws -> [UInt8] {
        let passwordBytes = Array(password.utf8)
        return try await withCheckedThrowingContinuation { continuation in
            let index = nextQueue.wrappingAdd(1, ordering: .relaxed).oldValue % queues.count
            queues[index].async {
                var derived = [UInt8](repeating: 0, count: 32)
                // 128·N·r·p bytes of work memory, plus slack for OpenSSL's own bookkeeping.
                let memory = 128 * cost * blockSize * parallelism + (1 << 20)
                let status = passwordBytes.withUnsafeBytes { pass in
                    EVP_PBE_scrypt(
                        pass.baseAddress?.assumingMemoryBound(to: CChar.self), pass.count, salt, salt.count,
                        cost, blockSize, parallelism, memory, &derived, derived.count)
                }
                if status == 1 {
                    continuation.resume(returning: derived)
                } else {
                    continuation.resume(throwing: OpenSSLErrorQueue.failure("EVP_PBE_scrypt"))
                }
            }
        }
    }
}
