/// Where a team plays home games; the coordinates feed travel distance and weather.
public struct Venue: Sendable, Equatable {
    /// The venue's name.
    public var name: String
    /// The city.
    public var city: String?
    /// Latitude in degrees, −90…90.
    public var latitude: Double
    /// Longitude in degrees, −180…180.
    public var longitude: Double
    /// The IANA time zone (`America/New_York`).
    public var timeZone: String?
    /// True for domes and closed roofs, where weather does not apply.
    public var isIndoor: Bool

    /// Creates a venue.
    public init(name: String, city: String? = nil, latitude: Double, longitude: Double, timeZone: String? = nil, isIndoor: Bool = false) {
        self.name = name
        self.city = city
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
        self.isIndoor = isIndoor
    }
}
