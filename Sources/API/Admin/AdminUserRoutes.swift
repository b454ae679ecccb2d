import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `/admin/users`: list, create and read users; change a role; disable and enable an account; unlock one the login
/// throttle locked; turn two-factor login off; set a new password for a user who lost theirs.
///
/// No admin can disable or demote themselves, nor reset their own second factor; the changes themselves are
/// `UserAdministration`'s, which `aips user` makes too (no change may leave the platform without an active admin; a
/// change ends the user's sessions).
struct AdminUserRoutes: Sendable {
    let database: any PostgresDatabase
    let administration: UserAdministration
    let hasher: PasswordHasher
    let maxBodySize: Int

    func register(on group: RouteRegistrar) {
        group.get("users", use: list)
        group.post("users", use: create)
        group.get("users/{id}", use: show)
        group.post("users/{id}/role", use: changeRole)
        group.post("users/{id}/disable", use: disable)
        group.post("users/{id}/enable", use: enable)
        group.post("users/{id}/unlock", use: unlock)
        group.post("users/{id}/2fa/reset", use: resetTwoFactor)
        group.post("users/{id}/password", use: setPassword)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[UserView], PageMeta> {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let role = try QueryFilters.oneOf(query, "role", Role.self)
        let isActive = try QueryFilters.flag(query, "active")
        let order = try ListOrder(query, default: ListOrder(UserRepository.Order.createdAt))
        let page = try await database.users.page(
            role: role?.userRole, isActive: isActive, order: order, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.users.map(UserView.init), meta: pagination.meta(total: page.total))
    }

    /// 201 with the new user; 409 `USER_EXISTS` for an email already taken.
    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Envelope<UserView, EmptyMeta>> {
        var request = request
        let body = try await request.decodeShortJSON(CreateUserRequest.self, context: context, limit: maxBodySize)
        try body.validate()
        let user: User
        do {
            user = try await database.users.create(
                User(email: body.email, passwordHash: try await hasher.hash(body.password), role: (body.role ?? .user).userRole))
        } catch let error as StoreError where error.isUniqueViolation {
            throw APIError(
                .conflict, code: "USER_EXISTS", "a user with email \(body.email.lowercased()) already exists",
                details: ["email": .string(body.email.lowercased())])
        }
        return EditedResponse(status: .created, response: Envelope(data: UserView(user), meta: EmptyMeta()))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        Envelope(data: UserView(try await Self.user(context, in: database)), meta: EmptyMeta())
    }

    @Sendable func changeRole(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        var request = request
        let body = try await request.decodeShortJSON(RoleChangeRequest.self, context: context, limit: maxBodySize)
        if body.role != .admin { try Self.refuseSelf(id, context: context, "demote") }
        return try Self.answer(id, try await administration.change(id: id, role: body.role.userRole))
    }

    @Sendable func disable(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        try Self.refuseSelf(id, context: context, "disable")
        return try Self.answer(id, try await administration.change(id: id, isActive: false))
    }

    @Sendable func enable(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        return try Self.answer(id, try await administration.change(id: id, isActive: true))
    }

    /// Forgets the account's failed logins, which lifts a lockout at once.
    @Sendable func unlock(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        return try Self.answer(id, try await administration.unlock(id: id))
    }

    /// Turns two-factor login off (secret, pending enrolment and recovery codes); the user can enrol again. Not one's
    /// own: a stolen admin session must not be able to take its second factor away.
    @Sendable func resetTwoFactor(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        try Self.refuseSelf(id, context: context, "reset the second factor of")
        return try Self.answer(id, try await administration.resetTwoFactor(id: id))
    }

    /// Gives a user who lost their password a new one and ends their sessions. Not one's own: that takes the current
    /// password (`POST /auth/password`), so a stolen admin session cannot take the account from its owner.
    @Sendable func setPassword(_ request: Request, context: APIRequestContext) async throws -> Envelope<UserView, EmptyMeta> {
        let id = try Self.id(context)
        try Self.refuseSelf(id, context: context, "set the password of")
        var request = request
        let body = try await request.decodeShortJSON(PasswordSetRequest.self, context: context, limit: maxBodySize)
        try body.validate()
        return try Self.answer(id, try await administration.setPassword(id: id, to: body.password))
    }

    /// The answer to a guarded change: the user as it is now, 404, or 409 `LAST_ADMIN`.
    private static func answer(_ id: UUID, _ change: UserRepository.GuardedChange) throws -> Envelope<UserView, EmptyMeta> {
        switch change {
        case .changed(let user), .unchanged(let user):
            return try answer(id, user)
        case .notFound:
            throw APIError.userNotFound(id)
        case .lastAdmin:
            throw APIError.userConflict(code: "LAST_ADMIN", "this would leave no active admin; make another user an admin first", userID: id)
        }
    }

    /// The user as it is now, or 404 when it is gone.
    private static func answer(_ id: UUID, _ user: User?) throws -> Envelope<UserView, EmptyMeta> {
        guard let user else { throw APIError.userNotFound(id) }
        return Envelope(data: UserView(user), meta: EmptyMeta())
    }

    private static func refuseSelf(_ id: UUID, context: APIRequestContext, _ action: String) throws {
        guard try context.requireIdentity().userID != AuthRoutes.userID(id) else {
            throw APIError.userConflict(code: "CANNOT_CHANGE_SELF", "an admin cannot \(action) themselves; ask another admin", userID: id)
        }
    }

    /// The `{id}` path parameter as a user id.
    static func id(_ context: APIRequestContext) throws -> UUID {
        let text = try context.parameters.require("id")
        guard let id = UUID(uuidString: text) else { throw APIError.validation("the user id must be a UUID", field: "id") }
        return id
    }

    /// The user the `{id}` path parameter names, or 404.
    static func user(_ context: APIRequestContext, in database: any PostgresDatabase) async throws -> User {
        try await user(try id(context), in: database)
    }

    /// The user `id`, or 404.
    static func user(_ id: UUID, in database: any PostgresDatabase) async throws -> User {
        guard let user = try await database.users.find(id: id) else { throw APIError.userNotFound(id) }
        return user
    }
}
