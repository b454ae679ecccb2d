import Hummingbird
import Store

/// The seed's success envelope: `{"data": …, "meta": {…}}`.
struct Envelope<Payload: Encodable & Sendable, Meta: Encodable & Sendable>: ResponseEncodable, Sendable {
    var data: Payload
    var meta: Meta
    /// On answers built on prices and results: where they come from, written into `meta` as `market`.
    var market: MarketSource? = nil

    private enum Key: String, CodingKey { case data, meta, market }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(data, forKey: .data)
        if let market {
            try container.encode(LabelledMeta(meta: meta, market: market), forKey: .meta)
        } else {
            try container.encode(meta, forKey: .meta)
        }
    }

    /// `meta`'s own fields and `market` in one object: a second keyed container on the same encoder adds to the first.
    private struct LabelledMeta: Encodable {
        let meta: Meta
        let market: MarketSource

        func encode(to encoder: any Encoder) throws {
            try meta.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(market, forKey: .market)
        }
    }
}

/// `meta` of a single resource: nothing yet, an empty object.
struct EmptyMeta: Encodable, Sendable {}

/// `meta` of a list: `{"total", "page", "limit"}`.
struct PageMeta: Encodable, Sendable {
    var total: Int
    var page: Int
    var limit: Int
}
