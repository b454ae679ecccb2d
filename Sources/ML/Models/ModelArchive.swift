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
    /// The format version this build writes.
    ///
    /// Version 2 added market priors (``PriorAnchoredModel``, and the `prior` of GBM and GLM models). A version 1
    /// archive is a version 2 archive without priors, so this build reads both; a build that reads only version 1
    /// refuses a version 2 archive by its version instead of failing on a model it does not know.
    public static let currentVersion = 2

    /// The format versions this build reads.
    public static let readableVersions = 1...currentVersion

    /// The format version of this archive.
    public let version: Int
    /// Free-form facts about the model (training window, metrics, ...).
    public let metadata: [String: String]
    /// The feature columns the model was trained on, in order.
    public let featureNames: [String]
    /// How each feature column was read (categorical levels fix the codes new rows must use).
    public let featureKinds: [FeatureKind]
    /// The model.
    public let model: TrainedModel
    /// The model's walk-forward out-of-fold predictions over its training rows, when it was cross-validated (absent
    /// from archives written before they were kept; a build that does not know the field ignores it).
    public let outOfFold: OutOfFoldPredictions?
    /// Models that serve beside `model`, by role: each reads its own columns by name, from rows its caller builds
    /// (a three-way moneyline's draw share beside its home-win model). Nil when there are none, as in every archive
    /// written before companions existed; a build that does not know the field ignores it.
    public let companions: [String: TrainedModel]?

    /// An archive of `model` in the current format, with the schema of the data it was trained on.
    public init(
        model: TrainedModel, featureNames: [String], featureKinds: [FeatureKind], metadata: [String: String] = [:],
        outOfFold: OutOfFoldPredictions? = nil, companions: [String: TrainedModel]? = nil
    ) {
        precondition(featureNames.count == featureKinds.count, "one kind per feature name")
        self.version = Self.currentVersion
        self.metadata = metadata
        self.featureNames = featureNames
        self.featureKinds = featureKinds
        self.model = model
        self.outOfFold = outOfFold
        self.companions = companions
    }

    /// An archive of `model` trained on `data`'s columns.
    public init(model: TrainedModel, trainedOn data: Dataset, metadata: [String: String] = [:], outOfFold: OutOfFoldPredictions? = nil) {
        self.init(model: model, featureNames: data.names, featureKinds: data.kinds, metadata: metadata, outOfFold: outOfFold)
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

    /// Reads an archive, refusing versions this build does not know (see ``readableVersions``).
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
        guard readableVersions.contains(header.version) else {
            throw ModelArchiveError(
                code: .unsupportedVersion,
                message: "version \(header.version), this build reads versions \(readableVersions.lowerBound) to \(readableVersions.upperBound)")
        }
        do {
            return try decoder.decode(ModelArchive.self, from: data)
        } catch {
            throw ModelArchiveError(code: .malformed, message: "\(error)")
        }
    }
}
