import Foundation
import Store

/// The note a model's evaluation page opens with when its prices are not a live market's (`MarketSource`): the page
/// was written by training, which does not know where its prices came from, so the API adds it on each read.
enum MarketBanner {
    /// `page` with the banner as the first thing in its body; a live market's page unchanged.
    static func inserting(_ market: MarketSource, into page: String) -> String {
        guard market != .live else { return page }
        let banner =
            "<p class=\"market\" style=\"border:2px solid #b45309;padding:8px\"><strong>Market: \(market.rawValue).</strong> "
            + "\(market.explanation)</p>"
        guard let body = page.range(of: "<body"), let end = page.range(of: ">", range: body.upperBound..<page.endIndex) else {
            return banner + page
        }
        return page.replacingCharacters(in: end.upperBound..<end.upperBound, with: banner)
    }
}
