import API
import Foundation
import HTTPTypes
import Store
import Testing

/// `/api/v1/admin/users…` over real HTTP on a real PostgreSQL and Redis: who may call it, each change and its
/// effect on logins and sessions, and the guards that keep an active admin.
struct AdminUserEndpointTests {
    @Test func adminRoutesRefuseEveryoneButAdmins() async throws {
        let harness = try await APITestHarness.make()
        let user = try await harness.user()
        let target = try await harness.user(role: .user, "target")
        try await harness.run(as: user) { client, token in
            let calls: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/admin/users", nil), (.post, "/api/v1/admin/users", #"{"email":"x@example.com","password":"long enough"}"#),
                (.get, "/api/v1/admin/users/\(target.id)", nil), (.post, "/api/v1/admin/users/\(target.id)/role", #"{"role":"admin"}"#),
                (.post, "/api/v1/admin/users/\(target.id)/disable", nil), (.post, "/api/v1/admin/users/\(target.id)/unlock", nil),
                (.post, "/api/v1/admin/users/\(target.id)/2fa/enrol", nil), (.post, "/api/v1/admin/users/\(target.id)/2fa/reset", nil),
                (.post, "/api/v1/admin/jobs/01J0000000000000000000000A/retry", nil), (.post, "/api/v1/admin/queues/default/pause", nil),
                (.post, "/api/v1/admin/queues/default/purge-dead", nil), (.get, "/api/v1/admin/predictions/export", nil),
            ]
            for (method, path, body) in calls {
                let reply = try await client.request(method, path, token: token, body: body)
                #expect(reply.status == .forbidden, "\(method) \(path) → \(reply.text)")
                #expect(reply.errorCode == "FORBIDDEN", "\(method) \(path)")
                let anonymous = try await client.request(method, path, body: body)
                #expect(anonymous.status == .unauthorized, "\(method) \(path) without a token")
            }
            #expect(try await harness.store.users.find(id: UUID(uuidString: target.id)!)?.role == .user, "nothing changed")
        }
    }

    @Test func adminCreatesListsSortsAndChangesUsers() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        try await harness.run(as: admin) { client, token in
            let prefix = "u\(UInt32.random(in: 0...UInt32.max))"
            var created: [String: String] = [:]
            for name in ["carol", "alice", "bob"] {
                let reply = try await client.post(
                    "/api/v1/admin/users", token: token, json: #"{"email":"\#(prefix)-\#(name)@Example.com","password":"a long password"}"#)
                #expect(reply.status == .created, "\(reply.text)")
                #expect(reply.data?["email"]?.string == "\(prefix)-\(name)@example.com")
                #expect(reply.data?["role"]?.string == "user")
                #expect(reply.data?["two_factor_enabled"]?.bool == false)
                #expect(reply.data?["password_hash"] == nil)
                created[name] = reply.data?["id"]?.string
            }
            let duplicate = try await client.post(
                "/api/v1/admin/users", token: token, json: #"{"email":"\#(prefix)-alice@example.com","password":"a long password"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorCode == "USER_EXISTS")
            for bad in [#"{"email":"nobody","password":"a long password"}"#, #"{"email":"a@b.c","password":"short"}"#,
                        #"{"email":"a@b.c","password":"a long password","role":"root"}"#, #"{"email":"a@b.c"}"#] {
                let reply = try await client.post("/api/v1/admin/users", token: token, json: bad)
                #expect(reply.status == .badRequest, "\(bad) → \(reply.text)")
                #expect(reply.errorCode == "VALIDATION_FAILED", "\(bad)")
            }

            let byEmail = try await client.get("/api/v1/admin/users?sort=email&order=asc&limit=100&role=user", token: token)
            #expect(byEmail.status == .ok, "\(byEmail.text)")
            let emails = byEmail.data?.array?.compactMap { $0["email"]?.string } ?? []
            #expect(emails == emails.sorted())
            #expect(emails.filter { $0.hasPrefix(prefix) } == ["alice", "bob", "carol"].map { "\(prefix)-\($0)@example.com" })
            let descending = try await client.get("/api/v1/admin/users?sort=email&order=desc&limit=100&role=user", token: token)
            #expect(descending.data?.array?.compactMap { $0["email"]?.string } == emails.reversed())
            let page = try await client.get("/api/v1/admin/users?limit=2&page=1", token: token)
            #expect(page.data?.array?.count == 2)
            #expect((page.json["meta"]?["total"]?.int ?? 0) >= 4)

            // Bob signs in, is promoted (his session ends: its token said "user"), disabled, enabled.
            let bob = TestUser(id: try #require(created["bob"]), email: "\(prefix)-bob@example.com", password: "a long password")
            let bobToken = try await client.login(bob).access
            #expect(try await client.get("/api/v1/admin/users", token: bobToken).status == .forbidden)
            let promoted = try await client.post("/api/v1/admin/users/\(bob.id)/role", token: token, json: #"{"role":"admin"}"#)
            #expect(promoted.status == .ok, "\(promoted.text)")
            #expect(promoted.data?["role"]?.string == "admin")
            #expect(try await client.get("/api/v1/predictions", token: bobToken).status == .unauthorized, "the old session ended")
            let bobAdmin = try await client.login(bob).access
            #expect(try await client.get("/api/v1/admin/users", token: bobAdmin).status == .ok)

            let disabled = try await client.post("/api/v1/admin/users/\(bob.id)/disable", token: token, json: "{}")
            #expect(disabled.data?["is_active"]?.bool == false, "\(disabled.text)")
            #expect(try await client.get("/api/v1/predictions", token: bobAdmin).status == .unauthorized)
            let refused = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(bob.email)","password":"\#(bob.password)"}"#)
            #expect(refused.errorCode == "INVALID_CREDENTIALS")
            let enabled = try await client.request(.post, "/api/v1/admin/users/\(bob.id)/enable", token: token)
            #expect(enabled.data?["is_active"]?.bool == true, "\(enabled.text)")
            #expect(try await client.get("/api/v1/admin/users/\(bob.id)", token: try await client.login(bob).access).status == .ok)

            let missing = try await client.request(.post, "/api/v1/admin/users/\(UUID().uuidString)/disable", token: token)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "USER_NOT_FOUND")
            let notUUID = try await client.get("/api/v1/admin/users/42", token: token)
            #expect(notUUID.status == .badRequest)
            let badRole = try await client.post("/api/v1/admin/users/\(bob.id)/role", token: token, json: #"{"role":"owner"}"#)
            #expect(badRole.status == .badRequest)
        }
    }

    @Test func anAdminCannotDisableOrDemoteThemselvesNorTheLastAdmin() async throws {
        let harness = try await APITestHarness.make()
        let first = try await harness.user(role: .admin, "first")
        let second = try await harness.user(role: .admin, "second")
        try await harness.run { client in
            let firstToken = try await client.login(first).access
            let secondToken = try await client.login(second).access
            for (path, body) in [("disable", "{}"), ("role", #"{"role":"user"}"#), ("2fa/reset", "{}")] {
                let reply = try await client.post("/api/v1/admin/users/\(first.id)/\(path)", token: firstToken, json: body)
                #expect(reply.status == .conflict, "\(path) → \(reply.text)")
                #expect(reply.errorCode == "CANNOT_CHANGE_SELF", "\(path)")
            }

            // What changes nothing ends no session: the admin's own token still works.
            let same = try await client.post("/api/v1/admin/users/\(first.id)/role", token: firstToken, json: #"{"role":"admin"}"#)
            #expect(same.status == .ok, "\(same.text)")
            #expect(try await client.request(.post, "/api/v1/admin/users/\(first.id)/enable", token: firstToken).status == .ok)
            #expect(try await client.get("/api/v1/admin/users", token: firstToken).status == .ok)

            // Each demotes the other at once: the store serializes them, so exactly one admin remains.
            async let a = client.post("/api/v1/admin/users/\(second.id)/role", token: firstToken, json: #"{"role":"user"}"#)
            async let b = client.post("/api/v1/admin/users/\(first.id)/role", token: secondToken, json: #"{"role":"user"}"#)
            let replies = try await [a, b]
            let statuses = replies.map { Int($0.status.code) }.sorted()
            #expect(statuses == [200, 409] || statuses == [200, 401], "\(replies.map(\.text))")
            // The test's database holds these two users only: one active admin is left, and the store's guard keeps it.
            let admins = try await harness.store.users.page(role: .admin, isActive: true, limit: 100, offset: 0).users
            #expect(admins.count == 1)
            let survivor = try #require(admins.first?.id)
            #expect(try await harness.store.users.change(id: survivor, role: .user) == .lastAdmin)
            #expect(try await harness.store.users.change(id: survivor, isActive: false) == .lastAdmin)
            #expect(try await harness.store.users.change(id: survivor, role: .admin) != .lastAdmin, "a change that keeps it an admin passes")
        }
    }

    @Test func unlockLiftsALoginLockoutAtOnce() async throws {
        let harness = try await APITestHarness.make { $0.auth.maxFailedLogins = 2 }
        let admin = try await harness.user(role: .admin)
        let user = try await harness.user(role: .user, "locked")
        try await harness.run(as: admin) { client, token in
            for _ in 0..<2 {
                _ = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"guess"}"#)
            }
            let locked = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(locked.errorCode == "ACCOUNT_LOCKED")
            let unlocked = try await client.request(.post, "/api/v1/admin/users/\(user.id)/unlock", token: token)
            #expect(unlocked.status == .ok, "\(unlocked.text)")
            let login = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(login.status == .ok, "\(login.text)")
        }
    }

    @Test func anAdminSetsALostPasswordButNotTheirOwn() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let user = try await harness.user(role: .user, "forgetful")
        try await harness.run(as: admin) { client, token in
            let userToken = try await client.login(user).access
            let refused = try await client.post("/api/v1/admin/users/\(user.id)/password", token: userToken, json: #"{"password":"a new passphrase"}"#)
            #expect(refused.status == .forbidden, "only admins: \(refused.text)")
            let short = try await client.post("/api/v1/admin/users/\(user.id)/password", token: token, json: #"{"password":"short"}"#)
            #expect(short.status == .badRequest, "\(short.text)")
            let own = try await client.post("/api/v1/admin/users/\(admin.id)/password", token: token, json: #"{"password":"a new passphrase"}"#)
            #expect(own.status == .conflict, "\(own.text)")
            #expect(own.errorCode == "CANNOT_CHANGE_SELF")
            let ghost = try await client.post("/api/v1/admin/users/\(UUID())/password", token: token, json: #"{"password":"a new passphrase"}"#)
            #expect(ghost.errorCode == "USER_NOT_FOUND")

            let set = try await client.post("/api/v1/admin/users/\(user.id)/password", token: token, json: #"{"password":"a new passphrase"}"#)
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.data?["id"]?.string == user.id)
            #expect(try await client.get("/api/v1/predictions", token: userToken).status == .unauthorized, "the user's sessions ended")
            let old = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
            #expect(old.errorCode == "INVALID_CREDENTIALS")
            let new = try await client.post("/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"a new passphrase"}"#)
            #expect(new.status == .ok, "\(new.text)")
            #expect(try await client.get("/api/v1/admin/users", token: token).status == .ok, "the admin's own session stays")
        }
    }
}
