import Foundation

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Equatable {
    /// The state of a migration.
    public enum State: Sendable, Equatable {
        /// Applied, and unchanged since.
        case applied(at: Date)
        /// In this build, not yet applied.
        case pending
        /// Applied, but its SQL in this build differs from what ran (the migrator refuses to run).
        case changed(appliedChecksum: String)
        /// Applied, but unknown to this build (the database is ahead of the code).
        case unknown
    }

    /// The migration's version.
    public let version: Int
    /// The migration's name.
    public let name: String
    /// Its state.
    public let state: State
}
