import Foundation
import Logging
import Postgres
import Store

/// `collect.prop_odds`: for each upcoming MLB game with an Odds API event id, the event's `batter_hits` odds →
/// raw (hashed, once) → validate → `prop_odds`, every book's Over and Under per player and line.
///
/// An event the API no longer knows (404) is skipped; an invalid payload is kept raw and fails the run (retried,
/// as `collect.odds` does), since what else it holds cannot be trusted.
public struct PropOddsCollector: Sendable {
    private let client: OddsAPIClient
    private let store: Store
    private let now: @Sendable () -> Date

    /// A collector writing to `store`.
    public init(client: OddsAPIClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.now = now
    }

    /// A collector reading The Odds API as `configuration` says, with its clock.
    public init(configuration: CollectorConfiguration, store: Store, upstream: UpstreamClient) {
        self.init(client: OddsAPIClient(configuration: configuration.oddsAPI, upstream: upstream), store: store, now: configuration.now)
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectPropOdds, jobID: String, logger: Logger) async throws -> PropOddsCollection {
        try parameters.validate()
        let at = now()
        let hours = Double(parameters.hoursAhead ?? 24)
        var result = PropOddsCollection(applied: true, events: 0, missingEvents: 0, newPayloads: 0, pricesWritten: 0, quota: nil)
        var fetched: [(response: UpstreamResponse, prices: [PropPrice])] = []
        for (code, market) in CollectPropOdds.markets.sorted(by: { $0.key < $1.key }) {
            guard let sport = CollectedSport.named(code) else { continue }
            let upcoming = try await store.oddsAPIEvents.upcoming(sport: code, from: at, to: at.addingTimeInterval(hours * 3600))
            result.events += upcoming.count
            for (game, eventID) in upcoming {
                guard let gameID = game.id else { continue }
                let response: UpstreamResponse
                do {
                    response = try await client.eventOdds(sport: sport.oddsAPIKey, eventID: eventID, markets: [market], now: now())
                } catch let error as CollectorError where error.status == 404 {
                    result.missingEvents += 1
                    logger.info("odds api event not found; skipped", metadata: ["event": "\(eventID)", "game": "\(gameID)"])
                    continue
                }
                if let quota = OddsAPIQuota(headers: response.headers) {
                    CollectorMetrics.oddsQuota(quota)
                    result.quota = quota
                }
                let eventPrices = try await RawIngestion.reading(response, isBackfill: false, jobID: jobID, in: store, logger: logger) {
                    try prices(
                        try PayloadDecoder.decode(OddsAPIEvent.self, from: response), eventID: eventID, gameID: gameID, market: market,
                        response: response)
                }
                fetched.append((response, eventPrices))
            }
        }
        let read = result
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            for (response, prices) in fetched {
                guard try await RawIngestion.store(response, isBackfill: false, jobID: jobID, in: tx) else { continue }
                result.newPayloads += 1
                result.pricesWritten += try await tx.propOdds.insert(prices)
            }
            return result
        }
        result = outcome.collection(read: read)
        if result.applied {
            logger.info(
                "prop odds collected",
                metadata: ["events": "\(result.events)", "new_payloads": "\(result.newPayloads)", "prices": "\(result.pricesWritten)"])
        }
        return result
    }

    /// The event's prices of `market`, validated: the event asked for, Over or Under, a player, a line, a price valid in the
    /// requested format.
    private func prices(_ event: OddsAPIEvent, eventID: String, gameID: Int, market: String, response: UpstreamResponse) throws
        -> [PropPrice]
    {
        func fail(_ message: String) -> CollectorError {
            CollectorError(.invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status, message: message)
        }
        guard event.id == eventID else { throw fail("event id \(event.id), asked for \(eventID)") }
        let format = client.configuration.oddsFormat
        var prices: [PropPrice] = []
        for bookmaker in event.bookmakers {
            for offered in bookmaker.markets where offered.key == market {
                for outcome in offered.outcomes {
                    let side = outcome.name.lowercased()
                    guard side == "over" || side == "under" else { throw fail("\(bookmaker.key) \(market): outcome \"\(outcome.name)\"") }
                    guard let player = outcome.description?.trimmingCharacters(in: .whitespaces), !player.isEmpty else {
                        throw fail("\(bookmaker.key) \(market) \(outcome.name): no player in description")
                    }
                    guard let point = outcome.point, point.isFinite, point >= 0 else {
                        throw fail("\(bookmaker.key) \(market) \(player) \(outcome.name): no line")
                    }
                    guard let price = format.decimalPrice(outcome.price), price > 1 else {
                        throw fail(
                            "\(bookmaker.key) \(market) \(player) \(outcome.name): \(outcome.price) is not a \(format.rawValue) price")
                    }
                    prices.append(
                        PropPrice(
                            gameID: gameID, bookmaker: bookmaker.key, market: market, playerName: player, outcome: side, point: point,
                            price: price, recordedAt: offered.lastUpdate ?? bookmaker.lastUpdate))
                }
            }
        }
        return prices
    }
}
