import Essentials
import Postgres
/// One numbered schema change with the SQL that applies it and the SQL that reverts it.
public struct Migration: Sendable {
    /// The position in the sequence; applied in ascending order, reverted in descending order.
    public let version: Int
    /// A short name (`teams_and_games`), shown by `aips migrate status`.
    public let name: String
    /// The SQL that applies the change; runs in one transaction with its `schema_migrations` row.
    public let up: String
    /// The SQL that reverts `up` exactly.
    public let down: String

    /// Declares a migration.
    public init(version: Int, name: String, up: String, down: String) {
        self.version = version
        self.name = name
        self.up = up
        self.down = down
    }

    /// The SHA-256 of `up`, in hex: what was applied to the database, so any edit to it after it ran
    /// is caught. `down` is left out so a broken rollback can still be fixed in place.
    public var checksum: String { Digest.sha256.hex(up.utf8) }
}
