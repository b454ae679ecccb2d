import Essentials
import Foundation

/// The hash chain that makes a sport's published predictions commitments: an edit, a deletion or a back-dated
/// insert breaks it.
///
/// Each published prediction (one with a publication time) takes the next position of its sport's chain when it is
/// stored, in publication order, and its link is the lowercase hex SHA-256 of `previous:published:content`: the link
/// at the position before (``genesis`` at position 1), its publication time in whole Unix seconds, and its
/// `prediction_hash` (the content, see ``PredictionFingerprint``). The store appends under a per-sport lock, so two
/// runs publishing at once take turns and the chain never forks.
///
/// What the chain shows: an edited row no longer hashes to its content hash, or (the hash rewritten too) to its
/// link, or (that too) to the next row's link; a deleted row leaves a gap in the positions; a row inserted later
/// with an earlier publication time is outside the chain or out of publication order. What it cannot show alone:
/// every row rewritten from some position to the head, or the newest rows deleted. The head (position and link,
/// in every verification) is what to publish elsewhere to close that.
public enum PredictionChain {
    /// The link before position 1.
    public static let genesis = String(repeating: "0", count: 64)

    /// The advisory-lock namespace of the chains ("aips" in ASCII); the second key is the sport's `hashtext`.
    static let lockNamespace: Int32 = 0x6169_7073

    /// A published prediction as the chain holds it.
    public struct Entry: Sendable, Equatable {
        /// The stored prediction.
        public var prediction: Prediction
        /// Its position in the sport's chain, from 1; `nil` for a row the chain never took (inserted behind the store's back).
        public var position: Int?
        /// Its stored link.
        public var link: String?

        /// An entry of the chain.
        public init(prediction: Prediction, position: Int?, link: String?) {
            self.prediction = prediction
            self.position = position
            self.link = link
        }
    }

    /// The link after `previous` for a prediction published at `publishedAt` with content hash `predictionHash`.
    public static func link(previous: String, publishedAt: Date, predictionHash: String) -> String {
        Digest.sha256.hex("\(previous):\(seconds(publishedAt)):\(predictionHash)".utf8)
    }

    /// Whole Unix seconds, rounded down (as the migration that chained the earlier rows computes them in SQL).
    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// Checks a sport's published predictions, in chain order (unchained rows last), from position 1 to the head.
    public static func verify(sport: String, _ entries: [Entry]) -> PredictionChainReport {
        var report = PredictionChainReport(sport: sport, length: entries.count)
        var previous = genesis
        var previousPublication: Date?
        for entry in entries {
            let prediction = entry.prediction
            let id = prediction.id ?? 0
            func broken(_ reason: PredictionChainBreak.Reason) -> PredictionChainReport {
                report.firstBreak = PredictionChainBreak(position: entry.position, predictionID: id, reason: reason)
                return report
            }
            guard let position = entry.position, let link = entry.link, let publishedAt = prediction.publishedAt else {
                return broken(.outsideChain)
            }
            if position != report.verifiedThrough + 1 { return broken(.positionMissing) }
            if PredictionFingerprint.hash(of: prediction) != prediction.predictionHash { return broken(.contentChanged) }
            if let previousPublication, publishedAt < previousPublication { return broken(.publishedOutOfOrder) }
            if Self.link(previous: previous, publishedAt: publishedAt, predictionHash: prediction.predictionHash) != link {
                return broken(.linkChanged)
            }
            previous = link
            previousPublication = publishedAt
            report.verifiedThrough = position
            report.head = link
        }
        return report
    }
}
