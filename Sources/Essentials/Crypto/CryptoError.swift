/// An OpenSSL call that failed, with the function's name and OpenSSL's own reason.
public struct CryptoError: Error, CustomStringConvertible, Sendable {
    /// The OpenSSL function that failed.
    public var function: String
    /// OpenSSL's error string for the failure, when it left one.
    public var reason: String

    public init(_ function: String, reason: String) {
        self.function = function
        self.reason = reason
    }

    public var description: String { "OpenSSL \(function) failed: \(reason)" }
}
