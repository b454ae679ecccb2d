/// A batter and a line: what one prop prediction (either side) and one pair of prices are about.
struct PricedPropKey: Hashable, Sendable {
    /// The batter's Statcast id.
    var batterID: Int
    /// The line.
    var line: Double

    init(_ batterID: Int, _ line: Double) {
        self.batterID = batterID
        self.line = line
    }
}
