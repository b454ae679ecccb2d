/// One served route: its method and full path template (`/api/v1/jobs/{id}`).
public struct APIRoute: Sendable, Hashable, CustomStringConvertible {
    /// `GET`, `POST`.
    public var method: String
    /// The path template, parameters in braces.
    public var path: String

    public var description: String { "\(method) \(path)" }
}
