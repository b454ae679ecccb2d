import Foundation

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

    /// The great-circle distance to `other`, kilometres (haversine on a 6,371 km sphere).
    func kilometres(to other: SandboxVenue) -> Double {
        let radians = Double.pi / 180
        let dLatitude = (other.latitude - latitude) * radians
        let dLongitude = (other.longitude - longitude) * radians
        let a = sin(dLatitude / 2) * sin(dLatitude / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 2 * 6_371 * asin(min(1, a.squareRoot()))
    }
}
