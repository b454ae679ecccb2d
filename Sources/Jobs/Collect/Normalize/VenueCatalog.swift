import Foundation
import Store

/// Venue coordinates by venue name: ESPN names venues but gives no coordinates, and the weather collector
/// needs them. Configuration, filled from a JSON file (`[{"name", "city", "latitude", "longitude",
/// "timeZone", "isIndoor"}]`) or from the sandbox's league.
public struct VenueCatalog: Sendable {
    private let venues: [String: Venue]

    /// A catalog of `venues`.
    public init(_ venues: [Venue]) {
        var byName: [String: Venue] = [:]
        for venue in venues { byName[TeamNameNormalizer.fold(venue.name)] = venue }
        self.venues = byName
    }

    /// A catalog read from JSON.
    public init(json: Data) throws {
        self.init(try JSONDecoder().decode([Entry].self, from: json).map(\.venue))
    }

    /// The venue named `name`, if known.
    public func venue(named name: String) -> Venue? {
        venues[TeamNameNormalizer.fold(name)]
    }

    /// How many venues the catalog knows.
    public var count: Int { venues.count }

    private struct Entry: Decodable {
        let name: String
        let city: String?
        let latitude: Double
        let longitude: Double
        let timeZone: String?
        let isIndoor: Bool?

        var venue: Venue {
            Venue(name: name, city: city, latitude: latitude, longitude: longitude, timeZone: timeZone, isIndoor: isIndoor ?? false)
        }
    }
}
