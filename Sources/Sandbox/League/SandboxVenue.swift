/// A team's home venue: where its home games are played and where the weather is taken.
public struct SandboxVenue: Sendable, Equatable, Codable {
    /// The venue's name (`Yankee Stadium`).
    public let name: String
    /// The city.
    public let city: String
    /// The state or province.
    public let state: String
    /// Latitude, degrees.
    public let latitude: Double
    /// Longitude, degrees.
    public let longitude: Double
    /// The IANA time zone.
    public let timeZone: String
    /// True for domes and retractable roofs.
    public let isIndoor: Bool
}
