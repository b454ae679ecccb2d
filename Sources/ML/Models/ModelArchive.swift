#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A versioned, self-describing serialization of a ``TrainedModel``.
///
/// The format is JSON: every Float and Double is written in its shortest round-trip decimal form (infinities as
/// strings), so decoding restores each value bit for bit and predictions of the decoded model are identical.
public struct ModelArchive: Sendable, Equatable, Codable {
    /// The format version this build writes and reads.
    public static let currentVersion = 1

    /// The format version of this archive.
    public let version: Int
    /// Free-form facts about the model (training window, metrics, ...).
    public let metadata: [String: String]
    /// The model.
    public let model: TrainedModel

    /// An archive of `model` in the current format.
    public init(model: TrainedModel, metadata: [String: String] = [:]) {
        self.version = Self.currentVersion
        self.metadata = metadata
        self.model = model
    }

    /// The archive's bytes.
    public func encoded() throws(ModelArchiveError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return [UInt8](try encoder.encode(self))
        } catch {
            throw ModelArchiveError(code: .encoding, message: "\(error)")
        }
    }

    /// Reads an archive, refusing versions this build does not know.
    public static func decode(_ bytes: [UInt8]) throws(ModelArchiveError) -> ModelArchive {
        struct Header: Decodable { let version: Int }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw ModelArchiveError(code: .malformed, message: "\(error)")
        }
        guard header.version == currentVersion else {
            throw ModelArchiveError(code: .unsupportedVersion, message: "version \(header.version), this build reads \(currentVersion)")
        }
        do {
            return try decoder.decode(ModelArchive.self, from: data)
        } catch {
            throw ModelArchiveError(code: .malformed, message: "\(error)")
        }
    }
}
