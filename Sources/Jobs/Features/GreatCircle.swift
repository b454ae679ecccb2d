import Foundation

/// Distances on the Earth's surface.
public enum GreatCircle {
    /// The mean Earth radius, km.
    public static let earthRadiusKM = 6_371.0

    /// The haversine distance in km between two points given in degrees.
    public static func kilometres(fromLatitude lat1: Double, longitude lon1: Double, toLatitude lat2: Double, longitude lon2: Double)
        -> Double
    {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        // min guards asin against a rounding excursion past 1 for antipodal points.
        return 2 * earthRadiusKM * asin(min(1, sqrt(a)))
    }
}
