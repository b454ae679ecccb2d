import Foundation

/// Where ESPN's site API is.
public struct ESPNConfiguration: Sendable {
    /// The base URL (`https://site.api.espn.com`, or a sandbox).
    public var baseURL: String

    /// How long before its start a backfilled game's starters are taken to have been announced.
    ///
    /// A backfill reloads history after the fact: stamped when fetched, its starters would be unknown to every
    /// historical feature row, and models would learn nothing from them. Clubs announce starters at least a day
    /// ahead, so by default a reloaded game is read as if its scoreboard had been collected live a day before the
    /// start. The price of that assumption is a late scratch (the reloaded scoreboard lists who actually started).
    /// An upstream whose announcement lead is known (the sandbox's) says so here.
    public var backfillStarterLead: TimeInterval

    /// A configuration.
    public init(baseURL: String = "https://site.api.espn.com", backfillStarterLead: TimeInterval = 24 * 3_600) {
        self.baseURL = baseURL
        self.backfillStarterLead = backfillStarterLead
    }
}
