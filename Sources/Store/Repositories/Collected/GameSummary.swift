import Foundation

/// What a game's summary adds to the scoreboard: the crowd, how long it took, where, and who officiated.
public struct GameSummary: Sendable, Equatable {
    /// One official and their role.
    public struct Official: Codable, Sendable, Equatable {
        /// The official's name.
        public var name: String
        /// The role (`Home Plate Umpire`, `Referee`), if said.
        public var position: String?

        /// Creates an official.
        public init(name: String, position: String?) {
            self.name = name
            self.position = position
        }
    }

    /// The game.
    public var gameID: Int
    /// The announced attendance, once played.
    public var attendance: Int?
    /// How long the game took, in minutes, once played.
    public var durationMinutes: Int?
    /// The venue's name as the source spells it.
    public var venueName: String?
    /// The officials, in the source's order.
    public var officials: [Official]
    /// When the summary was fetched.
    public var fetchedAt: Date

    /// Creates a summary.
    public init(gameID: Int, attendance: Int?, durationMinutes: Int?, venueName: String?, officials: [Official], fetchedAt: Date) {
        self.gameID = gameID
        self.attendance = attendance
        self.durationMinutes = durationMinutes
        self.venueName = venueName
        self.officials = officials
        self.fetchedAt = fetchedAt
    }
}
