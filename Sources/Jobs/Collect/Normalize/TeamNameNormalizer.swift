import Foundation

/// Brings the names sources give one team to one spelling: case, accents, punctuation and known aliases
/// (`LA Clippers` and `Los Angeles Clippers`; `Athletics` and `Oakland Athletics`).
public struct TeamNameNormalizer: Sendable {
    /// Normalized variant → normalized canonical name.
    public var aliases: [String: String]

    /// A normalizer with `aliases` (keys and values are normalized on creation).
    public init(aliases: [String: String]) {
        var normalized: [String: String] = [:]
        for (variant, canonical) in aliases { normalized[Self.fold(variant)] = Self.fold(canonical) }
        self.aliases = normalized
    }

    /// The aliases known to differ between ESPN, The Odds API and Savant.
    public static let standard = TeamNameNormalizer(aliases: [
        "LA Clippers": "Los Angeles Clippers",
        "L.A. Clippers": "Los Angeles Clippers",
        "LA Lakers": "Los Angeles Lakers",
        "Athletics": "Oakland Athletics",
        "Sacramento Athletics": "Oakland Athletics",
        "Las Vegas Athletics": "Oakland Athletics",
        "Cleveland Indians": "Cleveland Guardians",
        "Washington Football Team": "Washington Commanders",
        "St Louis Cardinals": "St. Louis Cardinals",
        "Philadelphia Sixers": "Philadelphia 76ers",
    ])

    /// The canonical normalized form of `name`.
    public func normalize(_ name: String) -> String {
        let folded = Self.fold(name)
        return aliases[folded] ?? folded
    }

    /// Lowercased, accents folded, punctuation dropped, spaces collapsed.
    static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let kept = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
