import Foundation

/// A game and the point in time its features are computed at: reads for it see only data from before `asOf`.
public struct GameAsOf: Sendable, Hashable {
    /// The game.
    public var gameID: Int
    /// The point in time; nothing recorded at or after it is read.
    public var asOf: Date

    /// Creates a point-in-time request.
    public init(gameID: Int, asOf: Date) {
        self.gameID = gameID
        self.asOf = asOf
    }
}
