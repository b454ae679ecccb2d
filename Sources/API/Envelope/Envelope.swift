import Hummingbird

/// The seed's success envelope: `{"data": …, "meta": {…}}`.
struct Envelope<Payload: Encodable & Sendable, Meta: Encodable & Sendable>: ResponseEncodable, Sendable {
    var data: Payload
    var meta: Meta
}

/// `meta` of a single resource: nothing yet, an empty object.
struct EmptyMeta: Encodable, Sendable {}

/// `meta` of a list: `{"total", "page", "limit"}`.
struct PageMeta: Encodable, Sendable {
    var total: Int
    var page: Int
    var limit: Int
}
