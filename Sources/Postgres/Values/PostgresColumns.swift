/// The column names of a result, shared by all its rows.
public struct PostgresColumns: Sendable {
    /// The names, in result order.
    public let names: [String]
    private let indexByName: [String: Int]

    init(names: [String]) {
        self.names = names
        var indexByName: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexByName[name] == nil {
            indexByName[name] = index
        }
        self.indexByName = indexByName
    }

    /// The position of the first column called `name`.
    public func index(of name: String) -> Int? { indexByName[name] }
}
