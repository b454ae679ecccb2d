import Foundation
import Postgres

extension ReadCache {
    /// The cached JSON answer of `entry`, or the one `build`'s value encodes to with the responses' encoder; as
    /// `body(_:scopes:build:)`, whose `hit` says which.
    func json(
        _ entry: String, scopes: [Scope] = [.everything], context: APIRequestContext,
        build: (ReadConsistency) async throws -> some Encodable & Sendable
    ) async throws -> (body: [UInt8], hit: Bool) {
        try await body(entry, scopes: scopes) { consistency in
            Array(try context.responseEncoder.encode(try await build(consistency)))
        }
    }
}
