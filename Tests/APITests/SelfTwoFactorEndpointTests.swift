import API
import Foundation
import HTTPTypes
import Store
import Testing

/// A user turning two-factor login on and off for themselves over real HTTP: the password guards the start and the
/// end, a code of the app confirms, new recovery codes take a code, and turning it off ends every session.
struct SelfTwoFactorEndpointTests {
    @Test func aUserEnrolsConfirmsRenewsCodesAndTurnsItOff() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let userID = try #require(UUID(uuidString: user.id))
        try await harness.run(as: user) { client, token in
            let password = #""current_password":"\#(user.password)""#
            let wrongPassword = try await client.post("/api/v1/auth/2fa/enrol", token: token, json: #"{"current_password":"not it"}"#)
            #expect(wrongPassword.status == .forbidden && wrongPassword.errorCode == "INVALID_CURRENT_PASSWORD", "\(wrongPassword.text)")
            #expect(try await client.post("/api/v1/auth/2fa/enrol", json: "{\(password)}").status == .unauthorized)
            let notOn = try await client.post("/api/v1/auth/2fa/recovery-codes", token: token, json: #"{"code":"123456"}"#)
            #expect(notOn.errorCode == "TWO_FACTOR_NOT_ENABLED")

            let enrol = try await client.post("/api/v1/auth/2fa/enrol", token: token, json: "{\(password)}")
            #expect(enrol.status == .ok, "\(enrol.text)")
            #expect(enrol.data?["user_id"]?.string == user.id)
            let secret = try #require(enrol.data?["secret"]?.string)
            let totp = try #require(TOTP(base32Secret: secret))
            #expect(try await harness.store.users.find(id: userID)?.totpSecret == nil, "nothing is on before a code confirms it")
            let now = totp.step(at: Date())
            let wrong = try await client.post("/api/v1/auth/2fa/confirm", token: token, json: #"{"code":"\#(totp.code(step: now + 5))"}"#)
            #expect(wrong.errorCode == "INVALID_2FA_CODE")
            let confirmed = try await client.post("/api/v1/auth/2fa/confirm", token: token, json: #"{"code":"\#(totp.code(step: now))"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let codes = confirmed.data?["recovery_codes"]?.array?.compactMap(\.string) ?? []
            #expect(codes.count == 10)
            #expect(try await client.post("/api/v1/auth/2fa/enrol", token: token, json: "{\(password)}").errorCode == "TWO_FACTOR_ALREADY_ENABLED")
            let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(login.data?["two_factor_required"]?.bool == true, "a login now needs the second factor")

            // New recovery codes take a current code; the one that confirmed is spent.
            let spent = try await client.post("/api/v1/auth/2fa/recovery-codes", token: token, json: #"{"code":"\#(totp.code(step: now))"}"#)
            #expect(spent.errorCode == "INVALID_2FA_CODE")
            let fresh = try await client.post("/api/v1/auth/2fa/recovery-codes", token: token, json: #"{"code":"\#(totp.code(step: now + 1))"}"#)
            let freshCodes = fresh.data?["recovery_codes"]?.array?.compactMap(\.string) ?? []
            #expect(freshCodes.count == 10 && Set(freshCodes).isDisjoint(with: codes), "\(fresh.text)")

            // Turning it off takes the password and a code or recovery code, and ends every session.
            let noFactor = try await client.post("/api/v1/auth/2fa/disable", token: token, json: "{\(password)}")
            #expect(noFactor.status == .badRequest)
            let old = try await client.post("/api/v1/auth/2fa/disable", token: token, json: #"{\#(password),"recovery_code":"\#(codes[0])"}"#)
            #expect(old.errorCode == "INVALID_RECOVERY_CODE", "the old codes were replaced")
            let badPassword = try await client.post(
                "/api/v1/auth/2fa/disable", token: token, json: #"{"current_password":"not it","recovery_code":"\#(freshCodes[0])"}"#)
            #expect(badPassword.errorCode == "INVALID_CURRENT_PASSWORD")
            let off = try await client.post("/api/v1/auth/2fa/disable", token: token, json: #"{\#(password),"recovery_code":"\#(freshCodes[0])"}"#)
            #expect(off.status == .ok, "\(off.text)")
            let newToken = try #require(off.data?["access_token"]?.string)
            #expect(try await client.get("/api/v1/alerts", token: token).status == .unauthorized, "the old session ended")
            #expect(try await client.get("/api/v1/alerts", token: newToken).status == .ok)
            #expect(try await harness.store.users.find(id: userID)?.totpSecret == nil)
            #expect(try await harness.store.recoveryCodes.remaining(userID: userID) == 0)
            #expect(try await client.login(user).access.isEmpty == false, "the password alone signs in again")
        }
    }

    @Test func wrongCodesFromASessionCountTowardTheLockout() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 3 }
        let user = try await harness.user()
        try await harness.run(as: user) { client, token in
            let enrol = try await client.post("/api/v1/auth/2fa/enrol", token: token, json: #"{"current_password":"\#(user.password)"}"#)
            let secret = try #require(enrol.data?["secret"]?.string)
            let totp = try #require(TOTP(base32Secret: secret))
            let now = totp.step(at: Date())
            let confirmed = try await client.post("/api/v1/auth/2fa/confirm", token: token, json: #"{"code":"\#(totp.code(step: now))"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            var last: APIClient.Reply?
            for offset in 1...3 {
                last = try await client.post("/api/v1/auth/2fa/recovery-codes", token: token, json: #"{"code":"\#(totp.code(step: now + 10 + Int64(offset)))"}"#)
            }
            #expect(last?.errorCode == "ACCOUNT_LOCKED", "\(last?.text ?? "")")
            let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(login.errorCode == "ACCOUNT_LOCKED")
        }
    }
}
