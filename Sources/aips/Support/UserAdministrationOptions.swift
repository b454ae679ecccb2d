import API
import ArgumentParser
import Foundation
import Redis
import Store

/// What the `aips user` verbs that change an account share: where PostgreSQL and Redis are, the API's Redis key
/// namespace, and the account (by id or email).
struct UserAdministrationOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The user's id (a UUID) or email address.", valueName: "user"))
    var user: String

    @OptionGroup var database: APIDatabaseOptions
    @OptionGroup var redis: RedisOptions

    @Option(help: ArgumentHelp("The API's Redis key namespace, where its sessions and login lockouts live.", valueName: "name"))
    var redisNamespace: String = "aips"

    /// Runs `body` with the account changes of the admin API and the user's id, closing the clients after.
    func run<T>(_ body: (UserAdministration, UUID) async throws -> T) async throws -> T {
        let client = try redis.makeClient()
        defer { client.close() }
        return try await database.makeStore().withShutdown { store in
            let administration = UserAdministration(database: store, redis: client, namespace: redisNamespace)
            var found: User?
            if let id = UUID(uuidString: user) { found = try await administration.user(id: id) }
            if found == nil { found = try await administration.user(email: user) }
            guard let id = found?.id else { throw ValidationError("no user \(user)") }
            return try await body(administration, id)
        }
    }

    /// The user after a change, or why nothing changed.
    static func describe(_ change: UserRepository.GuardedChange, _ verb: String) throws -> String {
        switch change {
        case .changed(let user): return "\(verb) \(describe(user)); their sessions are ended"
        case .unchanged(let user): return "unchanged: \(describe(user))"
        case .notFound: throw gone
        case .lastAdmin: throw ValidationError("this would leave no active admin; make another user an admin first")
        }
    }

    /// The user after a change that answers nothing for a user deleted meanwhile, or why there is none.
    static func existing(_ user: User?) throws -> User {
        guard let user else { throw gone }
        return user
    }

    /// The account was found, then deleted before the change reached it.
    private static var gone: ValidationError { ValidationError("the user is gone") }

    /// One line about `user`: id, email, role, state, two-factor login.
    static func describe(_ user: User) -> String {
        "\(user.id?.uuidString.lowercased() ?? "?") <\(user.email)> role \(user.role.rawValue), "
            + (user.isActive ? "active" : "disabled") + ", two-factor login " + (user.totpSecret == nil ? "off" : "on")
    }
}
