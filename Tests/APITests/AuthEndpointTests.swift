import API
import Essentials
import Foundation
import HTTPTypes
import Store
import Testing

/// Login, 2FA, refresh rotation, logout, rate limits and token attacks over real HTTP.
struct AuthEndpointTests {
    @Test func loginGivesTokensThatOpenTheAPI() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let reply = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email.uppercased())","password":"\#(user.password)"}"#)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.data?["token_type"]?.string == "Bearer")
            #expect(reply.data?["expires_in"]?.int == 900)
            let token = try #require(reply.data?["access_token"]?.string)
            #expect(try await client.get("/api/v1/predictions", token: token).status == .ok)
        }
    }

    @Test func wrongPasswordsAndUnknownUsersGetTheSameAnswer() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let wrong = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"nope"}"#)
            let unknown = try await client.post("/api/v1/auth/login", json: #"{"email":"ghost@example.com","password":"nope"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorCode == "INVALID_CREDENTIALS")
            #expect(unknown.json == wrong.json)
            let malformed = try await client.post("/api/v1/auth/login", json: #"{"email":"x@y.z","password":"#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "INVALID_JSON")
            let nul = try await client.post("/api/v1/auth/login", json: #"{"email":"x\u0000@y.z","password":"p"}"#)
            #expect(nul.status == .badRequest || nul.status == .unauthorized, "\(nul.text)")
            let injection = try await client.post("/api/v1/auth/login", json: #"{"email":"' OR 1=1; --@x","password":"' OR '1'='1"}"#)
            #expect(injection.errorCode == "INVALID_CREDENTIALS")
            let missing = try await client.post("/api/v1/auth/login", json: #"{"email":"x@y.z"}"#)
            #expect(missing.errorCode == "VALIDATION_FAILED")
            #expect(missing.json["error"]?["details"]?["field"]?.string == "password")
        }
    }

    @Test func bruteForceLocksTheAccountEvenForTheRightPassword() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 3 }
        let user = try await harness.user()
        try await harness.run { client in
            var last: APIClient.Reply?
            for _ in 0..<3 {
                last = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"guess"}"#)
            }
            #expect(last?.status == .tooManyRequests)
            #expect(last?.errorCode == "ACCOUNT_LOCKED")
            let right = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(right.status == .tooManyRequests)
            #expect(right.errorCode == "ACCOUNT_LOCKED")
            #expect(Int(right.headers[.retryAfter] ?? "") ?? 0 > 800)
            #expect(right.json["error"]?["message"]?.string?.contains("locked") == true)
        }
    }

    @Test func loginAttemptsPerAddressAreRateLimited() async throws {
        let harness = try await APITestHarness.make { $0.auth.loginAttemptsPerAddress = RateLimit(requests: 3, per: .seconds(60)) }
        try await harness.run { client in
            var statuses: [Int] = []
            for index in 0..<4 {
                let reply = try await client.post("/api/v1/auth/login", json: #"{"email":"nobody\#(index)@example.com","password":"x"}"#)
                statuses.append(Int(reply.status.code))
                if index == 3 {
                    #expect(reply.errorCode == "RATE_LIMITED")
                    #expect(reply.headers[.retryAfter] != nil)
                }
            }
            #expect(statuses == [401, 401, 401, 429])
        }
    }

    @Test func behindATrustedProxyTheForwardedClientIsCountedAndAForgedOneIsNot() async throws {
        let harness = try await APITestHarness.make {
            $0.auth.loginAttemptsPerAddress = RateLimit(requests: 2, per: .seconds(60))
            $0.trustedProxies = try! TrustedProxies(list: "127.0.0.0/8,::1")
        }
        try await harness.run { client in
            func attempt(forwardedFor: String) async throws -> Int {
                let reply = try await client.request(
                    .post, "/api/v1/auth/login", body: #"{"email":"nobody@example.com","password":"x"}"#,
                    headers: [HTTPField.Name("X-Forwarded-For")!: forwardedFor])
                return Int(reply.status.code)
            }
            let first = "198.51.100.\(Int.random(in: 1...250))"
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await attempt(forwardedFor: first)) }
            // Another client behind the same proxy has its own allowance, even when it claims to be the first.
            statuses.append(try await attempt(forwardedFor: "\(first), 203.0.113.\(Int.random(in: 1...250))"))
            #expect(statuses == [401, 401, 429, 401])
        }
    }

    @Test func refreshRotatesAndReuseEndsTheWholeSession() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let (access, refresh) = try await client.login(user)
            let rotated = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(rotated.status == .ok, "\(rotated.text)")
            let newRefresh = try #require(rotated.data?["refresh_token"]?.string)
            let newAccess = try #require(rotated.data?["access_token"]?.string)
            #expect(newRefresh != refresh)
            #expect(try await client.get("/api/v1/predictions", token: newAccess).status == .ok)

            // The spent token comes back: an attacker holds it, so the whole family dies.
            let reuse = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
            #expect(reuse.status == .unauthorized)
            #expect(reuse.errorCode == "REFRESH_TOKEN_REUSED")
            let afterReuse = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(newRefresh)"}"#)
            #expect(afterReuse.status == .unauthorized)
            #expect(afterReuse.errorCode == "INVALID_REFRESH_TOKEN")
            for token in [access, newAccess] {
                let reply = try await client.get("/api/v1/predictions", token: token)
                #expect(reply.status == .unauthorized)
                #expect(reply.json["error"]?["details"]?["reason"]?.string == "session_ended")
            }
            for garbage in ["", "abc", "x.y", "\(user.id).\(String(repeating: "A", count: 43))", "*:{x}.AAAA"] {
                let reply = try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(garbage)"}"#)
                #expect(reply.errorCode == "INVALID_REFRESH_TOKEN", "\(garbage)")
            }
        }
    }

    @Test func logoutEndsTheSessionAtOnce() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let (access, refresh) = try await client.login(user)
            let logout = try await client.post("/api/v1/auth/logout", token: access, json: "{}")
            #expect(logout.status == .ok)
            #expect(logout.data?["logged_out"]?.bool == true)
            #expect(try await client.get("/api/v1/predictions", token: access).status == .unauthorized)
            #expect(try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#).status == .unauthorized)
            #expect(try await client.post("/api/v1/auth/logout", json: "{}").status == .unauthorized)
        }
    }

    @Test func changingThePasswordTakesTheCurrentOneAndEndsEverySession() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 3 }
        let user = try await harness.user()
        try await harness.run { client in
            let (access, refresh) = try await client.login(user)
            let otherDevice = try await client.login(user).access
            func change(_ current: String, _ new: String, token: String? = access) async throws -> APIClient.Reply {
                try await client.post(
                    "/api/v1/auth/password", token: token, json: #"{"current_password":"\#(current)","new_password":"\#(new)"}"#)
            }
            #expect(try await change(user.password, "a new passphrase", token: nil).status == .unauthorized)
            let short = try await change(user.password, "short")
            #expect(short.status == .badRequest, "\(short.text)")
            #expect(short.json["error"]?["details"]?["field"]?.string == "new_password", "\(short.text)")
            let wrong = try await change("a guess", "a new passphrase")
            #expect(wrong.status == .forbidden, "\(wrong.text)")
            #expect(wrong.errorCode == "INVALID_CURRENT_PASSWORD")
            #expect(try await client.get("/api/v1/predictions", token: access).status == .ok, "refusals end no session")

            let changed = try await change(user.password, "a new passphrase")
            #expect(changed.status == .ok, "\(changed.text)")
            let fresh = try #require(changed.data?["access_token"]?.string)
            #expect(changed.data?["refresh_token"]?.string != nil)
            #expect(try await client.get("/api/v1/predictions", token: fresh).status == .ok)
            for old in [access, otherDevice] {
                #expect(try await client.get("/api/v1/predictions", token: old).status == .unauthorized, "every earlier session ended")
            }
            #expect(try await client.post("/api/v1/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#).status == .unauthorized)
            let oldLogin = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(oldLogin.errorCode == "INVALID_CREDENTIALS")
            let newLogin = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"a new passphrase"}"#)
            #expect(newLogin.status == .ok, "\(newLogin.text)")
        }
    }

    @Test func wrongCurrentPasswordsCountTowardTheLockout() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 3 }
        let user = try await harness.user()
        try await harness.run { client in
            let access = try await client.login(user).access
            var last: APIClient.Reply?
            for _ in 0..<3 {
                last = try await client.post(
                    "/api/v1/auth/password", token: access, json: #"{"current_password":"a guess","new_password":"the thief's password"}"#)
            }
            #expect(last?.status == .tooManyRequests, "\(last?.text ?? "")")
            #expect(last?.errorCode == "ACCOUNT_LOCKED")
            // Locked, not even the right current password changes it, and the password did not change.
            let right = try await client.post(
                "/api/v1/auth/password", token: access, json: #"{"current_password":"\#(user.password)","new_password":"the thief's password"}"#)
            #expect(right.errorCode == "ACCOUNT_LOCKED")
            let stored = try #require(try await harness.store.users.find(email: user.email))
            #expect(try await APITestHarness.hasher.verify(user.password, against: stored.passwordHash))
        }
    }

    @Test func twoFactorLoginNeedsAFreshTOTPCode() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user(totp: true)
        try await harness.run { client in
            let first = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(first.status == .ok)
            #expect(first.data?["two_factor_required"]?.bool == true)
            #expect(first.data?["access_token"] == nil)
            let partial = try #require(first.data?["two_factor_token"]?.string)
            // The partial token opens nothing but the 2FA step.
            #expect(try await client.get("/api/v1/predictions", token: partial).status == .unauthorized)

            let wrong = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"000000"}"#)
            let secret = try #require(user.totpSecret)
            let totp = try #require(TOTP(base32Secret: secret))
            let code = totp.code(step: totp.step(at: Date()))
            if code != "000000" {
                #expect(wrong.status == .unauthorized)
                #expect(wrong.errorCode == "INVALID_2FA_CODE")
            }
            let verified = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"\#(code)"}"#)
            #expect(verified.status == .ok, "\(verified.text)")
            let access = try #require(verified.data?["access_token"]?.string)
            #expect(try await client.get("/api/v1/predictions", token: access).status == .ok)

            let replay = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"\#(code)"}"#)
            #expect(replay.status == .unauthorized, "a code and a two-factor token are good once")
        }
    }

    @Test func aStolenPasswordDoesNotBuyUnlimitedTwoFactorGuesses() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 3 }
        let user = try await harness.user(totp: true)
        let secret = try #require(user.totpSecret)
        let totp = try #require(TOTP(base32Secret: secret))
        let now = Date()
        let current = Set((-1...1).map { totp.code(step: totp.step(at: now) + Int64($0)) })
        let wrongCode = (0..<1_000_000).lazy.map { String(format: "%06d", $0) }.first { !current.contains($0) }!
        try await harness.run { client in
            var last: APIClient.Reply?
            for _ in 0..<3 {
                let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
                guard let partial = login.data?["two_factor_token"]?.string else {
                    last = login
                    break
                }
                last = try await client.post("/api/v1/auth/2fa/verify", json: #"{"two_factor_token":"\#(partial)","code":"\#(wrongCode)"}"#)
            }
            #expect(last?.errorCode == "ACCOUNT_LOCKED")
            let again = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(again.errorCode == "ACCOUNT_LOCKED")
        }
    }

    @Test func forgedExpiredAndAlgNoneTokensAreRefused() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user(role: .admin)
        try await harness.run { client in
            let (access, _) = try await client.login(user)
            let parts = access.split(separator: ".").map(String.init)
            let payload = try #require(Base64URL.decode(parts[1]))
            let claims = try JSONDecoder().decode(TokenClaims.self, from: Data(payload))
            let none = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + parts[1] + "."
            let otherKey = try JWTSigner(secret: JWTSecret(String(repeating: "k", count: 40)), issuer: "aips", audience: "aips-api").sign(claims)
            let ours = JWTSigner(secret: try JWTSecret(APITestHarness.secret), issuer: "aips", audience: "aips-api")
            var expired = claims
            expired.exp = Int64(Date().timeIntervalSince1970) - 120
            var premature = claims
            premature.nbf = Int64(Date().timeIntervalSince1970) + 3600
            let cases: [(String, String)] = [
                (none, "unsupported_algorithm"), (otherKey, "bad_signature"),
                (try ours.sign(expired), "expired"), (try ours.sign(premature), "not_yet_valid"),
                ("not-a-token", "malformed"), (parts[0] + "." + parts[1] + ".AAAA", "bad_signature"),
            ]
            for (token, reason) in cases {
                let reply = try await client.get("/api/v1/jobs", token: token)
                #expect(reply.status == .unauthorized, "\(reason)")
                #expect(reply.json["error"]?["details"]?["reason"]?.string == reason)
            }
            let basic = try await client.request(.get, "/api/v1/jobs", headers: [.authorization: "Basic YWRtaW46YWRtaW4="])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test func perUserRateLimitAnswers429WithRetryAfter() async throws {
        let harness = try await APITestHarness.make { $0.userRateLimit = RateLimit(requests: 5, per: .seconds(30)) }
        let user = try await harness.user()
        try await harness.run { client in
            let (access, _) = try await client.login(user)
            var statuses: [Int] = []
            for _ in 0..<7 { statuses.append(Int(try await client.get("/api/v1/predictions", token: access).status.code)) }
            #expect(statuses == [200, 200, 200, 200, 200, 429, 429])
            let limited = try await client.get("/api/v1/predictions", token: access)
            #expect(limited.errorCode == "RATE_LIMITED")
            let retryAfter = try #require(Int(limited.headers[.retryAfter] ?? ""))
            #expect((1...30).contains(retryAfter))
        }
    }
}
