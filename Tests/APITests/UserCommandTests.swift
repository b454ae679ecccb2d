import Foundation
import HTTPTypes
import Postgres
import Store
import TestSupport
import Testing

/// `aips user role|disable|enable|unlock|reset-2fa|set-password`, run as the built binary against the API's own PostgreSQL and
/// Redis: each change is the admin API's, and a signed-in user feels it at once.
struct UserCommandTests {
    /// Runs `aips user ARGUMENTS` against `harness`'s database and Redis namespace.
    func aips(_ arguments: [String], _ harness: APITestHarness, input: String? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        process.executableURL = TestServers.aipsExecutable
        process.arguments = ["user"] + arguments + [
            "--database-url", harness.store.pool.configuration.url, "--redis-url", TestServers.redisURL, "--redis-namespace", harness.namespace,
        ]
        return try await ChildProcesses.output(of: process)
    }

    @Test func userVerbsChangeAccountsAsTheAdminAPIDoes() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let admin = try await harness.user(role: .admin, #function + "-admin")
        let guarded = try await harness.user(totp: true, #function + "-totp")
        try await harness.run { client in
            let token = try await client.login(user).access

            let promoted = try await aips(["role", user.email, "admin"], harness)
            #expect(promoted.status == 0, "\(promoted.stderr)")
            #expect(promoted.stdout.contains("role admin"), "\(promoted.stdout)")
            #expect(try await client.get("/api/v1/games", token: token).status == .unauthorized, "a role change ends the sessions")
            let adminToken = try await client.login(user).access
            #expect(try await client.get("/api/v1/admin/users", token: adminToken).status == .ok)
            #expect(try await aips(["role", user.id, "admin"], harness).stdout.contains("unchanged"), "by id too")

            let disabled = try await aips(["disable", user.email], harness)
            #expect(disabled.status == 0, "\(disabled.stderr)")
            #expect(try await client.get("/api/v1/games", token: adminToken).status == .unauthorized)
            #expect(try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#).status != .ok)
            #expect(try await aips(["enable", user.email], harness).status == 0)
            #expect(try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#).status == .ok)

            // The last active admin cannot be demoted or disabled.
            #expect(try await aips(["role", user.email, "user"], harness).status == 0)
            let lastAdmin = try await aips(["disable", admin.email], harness)
            #expect(lastAdmin.status != 0)
            #expect(lastAdmin.stderr.contains("no active admin"), "\(lastAdmin.stderr)")

            for _ in 0..<5 {
                _ = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"wrong password"}"#)
            }
            let locked = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(locked.errorCode == "ACCOUNT_LOCKED")
            #expect(try await aips(["unlock", user.email], harness).status == 0)
            #expect(try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#).status == .ok)

            let reset = try await aips(["reset-2fa", guarded.email], harness)
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(reset.stdout.contains("two-factor login off"), "\(reset.stdout)")
            let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(guarded.email)","password":"\#(guarded.password)"}"#)
            #expect(login.data?["access_token"]?.string != nil, "no second factor asked: \(login.text)")

            let nobody = try await aips(["disable", "nobody@example.com"], harness)
            #expect(nobody.status != 0)
            #expect(nobody.stderr.contains("no user nobody@example.com"), "\(nobody.stderr)")
        }
    }

    @Test func setPasswordTakesTheNewOneFromStandardInputAndEndsTheSessions() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        try await harness.run { client in
            let token = try await client.login(user).access
            let short = try await aips(["set-password", user.email], harness, input: "short\n")
            #expect(short.status != 0)
            #expect(short.stderr.contains("8 to 1024 bytes"), "\(short.stderr)")
            let empty = try await aips(["set-password", user.email], harness, input: "")
            #expect(empty.status != 0)
            #expect(try await client.get("/api/v1/games", token: token).status == .ok, "a refused change ends no session")

            let set = try await aips(["set-password", user.id], harness, input: "a new passphrase\n")
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("set a new password"), "\(set.stdout)")
            #expect(try await client.get("/api/v1/games", token: token).status == .unauthorized, "the sessions ended")
            let old = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(old.errorCode == "INVALID_CREDENTIALS")
            let new = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"a new passphrase"}"#)
            #expect(new.status == .ok, "\(new.text)")
        }
    }
}
