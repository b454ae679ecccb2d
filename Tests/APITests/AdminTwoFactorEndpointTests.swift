import API
import Essentials
import Foundation
import HTTPTypes
import Postgres
import Store
import Testing

/// Two-factor enrolment by an admin over real HTTP: the pending secret sealed at rest, confirmation with a code, and
/// logins with a code and with one-time recovery codes.
struct AdminTwoFactorEndpointTests {
    /// Logs in with the password and answers the two-factor token of the challenge.
    private static func challenge(_ client: APIClient, _ user: TestUser) async throws -> String {
        let reply = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
        #expect(reply.data?["two_factor_required"]?.bool == true, "\(reply.text)")
        return try #require(reply.data?["two_factor_token"]?.string)
    }

    private static func verify(_ client: APIClient, token: String, _ field: String, _ value: String) async throws -> APIClient.Reply {
        try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(token)","\#(field)":"\#(value)"}"#)
    }

    @Test func enrolConfirmThenLogInWithACodeAndWithEachRecoveryCodeOnce() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let user = try await harness.user(role: .user, "enrolled")
        let userID = try #require(UUID(uuidString: user.id))
        try await harness.run(as: admin) { client, token in
            let noPending = try await client.post("/api/v1/admin/users/\(user.id)/2fa/confirm", token: token, json: #"{"code":"123456"}"#)
            #expect(noPending.status == .conflict)
            #expect(noPending.errorCode == "NO_PENDING_ENROLMENT")

            let enrol = try await client.request(.post, "/api/v1/admin/users/\(user.id)/2fa/enrol", token: token)
            #expect(enrol.status == .ok, "\(enrol.text)")
            let secret = try #require(enrol.data?["secret"]?.string)
            let uri = try #require(enrol.data?["otpauth_uri"]?.string)
            #expect(uri.hasPrefix("otpauth://totp/AIPS:") && uri.contains("secret=\(secret)") && uri.contains("issuer=AIPS"), "\(uri)")
            // At rest the pending secret is sealed under the keyring, never the secret itself.
            let stored = try #require(try await harness.store.users.find(id: userID))
            let pending = try #require(stored.totpPendingSecret)
            #expect(pending.hasPrefix("aes256gcm:") && !pending.contains(secret))
            #expect(try APITestHarness.totpKeyring.open(pending, for: .totp) == secret)
            #expect(stored.totpSecret == nil, "nothing is on before a code confirms it")
            #expect(try await client.login(user).access.isEmpty == false, "the password alone still signs in")

            let totp = try #require(TOTP(base32Secret: secret))
            let now = totp.step(at: Date())
            let wrongCode = totp.code(step: now + 5)
            let wrong = try await client.post("/api/v1/admin/users/\(user.id)/2fa/confirm", token: token, json: #"{"code":"\#(wrongCode)"}"#)
            #expect(wrong.status == .unprocessableContent, "\(wrong.text)")
            #expect(wrong.errorCode == "INVALID_2FA_CODE")
            let malformed = try await client.post("/api/v1/admin/users/\(user.id)/2fa/confirm", token: token, json: #"{"code":12}"#)
            #expect(malformed.status == .badRequest)

            let confirmed = try await client.post(
                "/api/v1/admin/users/\(user.id)/2fa/confirm", token: token, json: #"{"code":"\#(totp.code(step: now))"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let codes = confirmed.data?["recovery_codes"]?.array?.compactMap(\.string) ?? []
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(codes.allSatisfy { $0.count == 19 })
            let hashes = try await harness.store.query("SELECT code_hash FROM user_recovery_codes WHERE user_id = \(userID)")
                .map { try $0.decode(String.self, "code_hash") }
            #expect(hashes.count == 10)
            #expect(Set(hashes).isDisjoint(with: codes), "codes are stored hashed")
            let confirmedUser = try #require(try await harness.store.users.find(id: userID))
            #expect(confirmedUser.totpPendingSecret == nil)
            #expect(try APITestHarness.totpKeyring.open(try #require(confirmedUser.totpSecret), for: .totp) == secret)
            let again = try await client.request(.post, "/api/v1/admin/users/\(user.id)/2fa/enrol", token: token)
            #expect(again.errorCode == "TWO_FACTOR_ALREADY_ENABLED")

            // A login now needs the second factor. The code that confirmed the enrolment is spent: it cannot log in too…
            let replayed = try await Self.verify(client, token: try await Self.challenge(client, user), "code", totp.code(step: now))
            #expect(replayed.status == .unauthorized && replayed.errorCode == "INVALID_2FA_CODE", "\(replayed.text)")
            // …the app's next code works…
            let withCode = try await Self.verify(client, token: try await Self.challenge(client, user), "code", totp.code(step: now + 1))
            #expect(withCode.status == .ok, "\(withCode.text)")
            #expect(withCode.data?["access_token"]?.string != nil)

            // …and so does a recovery code, typed in upper case without dashes, once.
            let typed = codes[3].uppercased().replacingOccurrences(of: "-", with: "")
            let withRecovery = try await Self.verify(client, token: try await Self.challenge(client, user), "recovery_code", typed)
            #expect(withRecovery.status == .ok, "\(withRecovery.text)")
            let reused = try await Self.verify(client, token: try await Self.challenge(client, user), "recovery_code", codes[3])
            #expect(reused.status == .unauthorized)
            #expect(reused.errorCode == "INVALID_RECOVERY_CODE")
            let invented = try await Self.verify(client, token: try await Self.challenge(client, user), "recovery_code", "aaaa-bbbb-cccc-dddd")
            #expect(invented.errorCode == "INVALID_RECOVERY_CODE")
            let bothToken = try await Self.challenge(client, user)
            let both = try await client.post(
                "/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(bothToken)","code":"123456","recovery_code":"\#(codes[4])"}"#)
            #expect(both.status == .badRequest)
            #expect(try await harness.store.recoveryCodes.remaining(userID: userID) == 9)

            // New codes replace the old ones.
            let fresh = try await client.request(.post, "/api/v1/admin/users/\(user.id)/2fa/recovery-codes", token: token)
            let freshCodes = fresh.data?["recovery_codes"]?.array?.compactMap(\.string) ?? []
            #expect(freshCodes.count == 10 && Set(freshCodes).isDisjoint(with: codes), "\(fresh.text)")
            let old = try await Self.verify(client, token: try await Self.challenge(client, user), "recovery_code", codes[5])
            #expect(old.errorCode == "INVALID_RECOVERY_CODE")
            let new = try await Self.verify(client, token: try await Self.challenge(client, user), "recovery_code", freshCodes[0])
            #expect(new.status == .ok, "\(new.text)")

            // A reset turns it off: the password alone signs in again, and the codes are gone.
            let reset = try await client.request(.post, "/api/v1/admin/users/\(user.id)/2fa/reset", token: token)
            #expect(reset.data?["two_factor_enabled"]?.bool == false, "\(reset.text)")
            #expect(try await client.login(user).access.isEmpty == false)
            #expect(try await harness.store.recoveryCodes.remaining(userID: userID) == 0)
            let noCodes = try await client.request(.post, "/api/v1/admin/users/\(user.id)/2fa/recovery-codes", token: token)
            #expect(noCodes.errorCode == "TWO_FACTOR_NOT_ENABLED")
        }
    }
}
