/// A player and the lines one game offers him at, each with the books' best Over and Under (nil: none priced).
struct PlayerPropLines: Sendable {
    var playerID: Int
    var lines: [(line: Double, best: PropPublication.Prices?)]
}
