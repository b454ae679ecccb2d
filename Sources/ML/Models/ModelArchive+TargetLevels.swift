#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ModelArchive {
    /// The metadata key that keeps a text target's two levels (a JSON array), so rows scored later map the same text
    /// to the same label as the training rows did.
    public static let targetLevelsKey = "target_levels"

    /// The two levels of the text target the model was trained on, mapped to 0 and 1; nil for a numeric target.
    public var targetLevels: [String]? {
        metadata[Self.targetLevelsKey].flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
    }

    /// `levels` as the metadata value of ``targetLevelsKey``.
    public static func targetLevelsValue(_ levels: [String]) -> String {
        // Encoding an array of strings cannot fail: there is no value JSON lacks.
        String(decoding: try! JSONEncoder().encode(levels), as: UTF8.self)
    }
}
