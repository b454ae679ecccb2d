/// Why a serialized model could not be read or written.
public struct ModelArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The archive was written by a format version this build does not read.
        case unsupportedVersion
        /// The bytes are not a model archive.
        case malformed
        /// The model could not be encoded.
        case encoding
    }

    /// What went wrong.
    public let code: Code
    /// Details, such as the decoder's message or the version found.
    public let message: String

    /// A description naming the failure.
    public var description: String { "model archive \(code): \(message)" }
}
