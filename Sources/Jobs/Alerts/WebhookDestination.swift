/// Where a webhook delivery's connection goes (`WebhookDestinationCheck`).
enum WebhookDestination: Equatable, Sendable {
    /// To `address`, one of those `host` resolved to and that were checked; TLS still names and verifies `host`.
    case pinned(host: String, address: String)
    /// Wherever the HTTP client resolves the URL's host to (development).
    case unpinned
    /// Nowhere: why not.
    case refused(String)
}
