/// What a committed collection changed, for the readers that cache it (the API's odds and game caches).
public struct CollectionChange: Sendable, Equatable, CustomStringConvertible {
    /// The sport whose data was written.
    public var sport: String
    /// The games written; nil when they are not known (a redelivery whose earlier attempt may have committed), so
    /// every game of the sport must count as changed.
    public var gameIDs: Set<Int>?

    /// The change a run of `sport` made: its `written` games when it `applied` its writes, every game when it was a
    /// redelivery (it reports nothing written, though an earlier attempt may have committed and then failed to say
    /// so), and nil when it applied and wrote nothing.
    static func after(sport: String, applied: Bool, written: Set<Int>) -> CollectionChange? {
        if !applied { return CollectionChange(sport: sport, gameIDs: nil) }
        return written.isEmpty ? nil : CollectionChange(sport: sport, gameIDs: written)
    }

    public var description: String {
        guard let gameIDs else { return "\(sport) every game" }
        return "\(sport) games \(gameIDs.sorted().map(String.init).joined(separator: ","))"
    }
}
