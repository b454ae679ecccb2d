/// A team's division within its conference (NBA) or league (MLB), as the real leagues group them.
///
/// Division rivals meet more often in the simulated schedule, and their games are a little closer and
/// carry a smaller home advantage.
public struct SandboxDivision: Sendable, Hashable, Codable {
    /// The conference or league (`Eastern`, `Western`; `AL`, `NL`).
    public let conference: String
    /// The division's name within it (`Atlantic`; `East`).
    public let name: String

    /// The name as the league writes it: `Atlantic` in the NBA, `AL East` in MLB.
    public var displayName: String {
        conference.count == 2 ? "\(conference) \(name)" : name
    }
}
