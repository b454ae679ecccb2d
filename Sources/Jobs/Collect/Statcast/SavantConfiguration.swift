/// Where Baseball Savant is and how to chunk its searches.
public struct SavantConfiguration: Sendable {
    /// The base URL (`https://baseballsavant.mlb.com`, or a sandbox).
    public var baseURL: String
    /// Days per search: Savant silently caps the rows of one search, so league-wide pulls go in chunks.
    public var chunkDays: Int
    /// The row count at which a search is taken to have hit the silent cap (and is split).
    public var rowCap: Int

    /// A configuration; defaults: 5-day chunks, 40 000-row cap.
    public init(baseURL: String = "https://baseballsavant.mlb.com", chunkDays: Int = 5, rowCap: Int = 40_000) {
        self.baseURL = baseURL
        self.chunkDays = chunkDays
        self.rowCap = rowCap
    }
}
